package org.branchlink.catalog.marc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.marc4j.MarcStreamWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/** Small MARC records built in code, written as ISO 2709 in the character sets sites use. */
public final class MarcFixtures {

	private static final MarcFactory FACTORY = MarcFactory.newInstance();

	private MarcFixtures() {
	}

	/** A MARC21 book: 001 id, 020 ISBN, 100 author, 245 title, 260 publisher and year, 852 one copy. */
	public static Record marc21(String id, String isbn, String author, String title, String year, String barcode) {
		Record record = FACTORY.newRecord("00000nam a2200000 a 4500");
		record.addVariableField(FACTORY.newControlField("001", id));
		record.addVariableField(FACTORY.newControlField("008", "240101s" + year + "    cc            000 0 chi d"));
		if (isbn != null) {
			record.addVariableField(field("020", 'a', isbn));
		}
		record.addVariableField(field("100", 'a', author));
		if (title != null) {
			record.addVariableField(field("245", 'a', title));
		}
		record.addVariableField(field("260", 'b', "人民文学出版社", 'c', year));
		if (barcode != null) {
			record.addVariableField(field("852", 'b', "stacks", 'h', "I247.5", 'p', barcode));
		}
		return record;
	}

	/** A CNMARC book: 001, 010 ISBN, 200 title, 210 publisher and year, 690 CLC, 701 author, 905 one copy. */
	public static Record cnmarc(String id, String isbn, String author, String title, String year, String barcode) {
		Record record = FACTORY.newRecord("00000nam0 2200000   450 ");
		record.addVariableField(FACTORY.newControlField("001", id));
		if (isbn != null) {
			record.addVariableField(field("010", 'a', isbn, 'd', "CNY23.00"));
		}
		record.addVariableField(field("101", 'a', "chi"));
		record.addVariableField(field("200", 'a', title, 'f', author + "著"));
		record.addVariableField(field("210", 'a', "重庆", 'c', "重庆出版社", 'd', year));
		record.addVariableField(field("690", 'a', "I247.55", 'v', "5"));
		record.addVariableField(field("701", 'a', author));
		if (barcode != null) {
			record.addVariableField(field("905", 'a', "QX", 'b', barcode, 'c', "中文图书", 'd', "I247.55", 'e', "123"));
		}
		return record;
	}

	public static DataField field(String tag, Object... codesAndValues) {
		DataField field = FACTORY.newDataField(tag, ' ', ' ');
		for (int i = 0; i < codesAndValues.length; i += 2) {
			field.addSubfield(FACTORY.newSubfield((Character) codesAndValues[i], (String) codesAndValues[i + 1]));
		}
		return field;
	}

	/** The records as one ISO 2709 file in a Java character set; leader/09 says {@code a} for UTF-8. */
	public static byte[] iso2709(String charset, Record... records) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		MarcStreamWriter writer = new MarcStreamWriter(out, charset, true);
		for (Record record : records) {
			record.getLeader().setCharCodingScheme(charset.equals("UTF-8") ? 'a' : ' ');
			writer.write(record);
		}
		writer.close();
		return out.toByteArray();
	}

	/** The records as MARC-8 (leader/09 blank), the way older MARC21 systems export. */
	public static byte[] marc8(Record... records) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		MarcStreamWriter writer = new MarcStreamWriter(out, "ISO-8859-1", true);
		writer.setConverter(new UnicodeToAnsel());
		for (Record record : records) {
			record.getLeader().setCharCodingScheme(' ');
			writer.write(record);
		}
		writer.close();
		return out.toByteArray();
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
