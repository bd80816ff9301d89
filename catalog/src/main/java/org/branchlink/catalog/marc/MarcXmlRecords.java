package org.branchlink.catalog.marc;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.marc4j.MarcException;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Reads MARCXML records wherever they stand in a document: a MARCXML collection, an SRU response, an OAI-PMH
 * response. Namespaces are ignored (CNMARC-XML uses its own), so is the case of subfield codes' wrappers. A record
 * without a leader or title-bearing fields is still read; the mapper judges its content. Broken XML ends the reading
 * with one refused entry naming the line; the records before it stand.
 */
final class MarcXmlRecords extends RecordReader {

	private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
	}

	private final XMLStreamReader xml;

	private final MarcFactory factory = MarcFactory.newInstance();

	private int index;

	/** Set once the XML broke: the stream cannot be read further. */
	private boolean broken;

	MarcXmlRecords(InputStream in) {
		try {
			this.xml = FACTORY.createXMLStreamReader(in);
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException("not XML: " + ex.getMessage(), ex);
		}
	}

	@Override
	protected RawRecord read() {
		if (broken) {
			return null;
		}
		int line = 0;
		try {
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("record")) {
					line = xml.getLocation().getLineNumber();
					Record record;
					try {
						record = readRecord();
					}
					catch (MarcException | IllegalArgumentException ex) {
						skipToEndOfRecord();
						return RawRecord.refused("record " + (++index) + " at line " + line,
								"malformed MARCXML: " + ex.getMessage(), new byte[0]);
					}
					if (record != null) {
						String position = "record " + (++index) + " at line " + line;
						return RawRecord.ok(position, record, record.toString().getBytes(StandardCharsets.UTF_8));
					}
				}
			}
			return null;
		}
		catch (XMLStreamException ex) {
			broken = true;
			int at = ex.getLocation() == null ? line : ex.getLocation().getLineNumber();
			return RawRecord.refused("record " + (++index) + " at line " + at,
					"broken XML at line " + at + ": " + ex.getMessage().replaceAll("\\s+", " "), new byte[0]);
		}
	}

	/**
	 * Reads the children of a {@code record} element; returns null when it is no MARC record (an OAI or SRU wrapper
	 * element of the same name), after consuming it up to its MARC content.
	 */
	private Record readRecord() throws XMLStreamException {
		Record record = null;
		DataField field = null;
		int depth = 1;
		while (depth > 0 && xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
				continue;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			depth++;
			switch (xml.getLocalName()) {
				case "record" -> {
					Record inner = readRecord();
					depth--;
					if (inner != null) {
						return inner;
					}
				}
				case "leader" -> {
					record = record == null ? factory.newRecord() : record;
					record.setLeader(factory.newLeader(padLeader(xml.getElementText())));
					depth--;
				}
				case "controlfield" -> {
					record = record == null ? factory.newRecord() : record;
					String tag = xml.getAttributeValue(null, "tag");
					record.addVariableField(factory.newControlField(tag, xml.getElementText()));
					depth--;
				}
				case "datafield" -> {
					record = record == null ? factory.newRecord() : record;
					field = factory.newDataField(xml.getAttributeValue(null, "tag"),
							indicator(xml.getAttributeValue(null, "ind1")), indicator(xml.getAttributeValue(null, "ind2")));
					record.addVariableField(field);
				}
				case "subfield" -> {
					String code = xml.getAttributeValue(null, "code");
					String value = xml.getElementText();
					depth--;
					if (field != null && code != null && !code.isEmpty()) {
						field.addSubfield(factory.newSubfield(code.charAt(0), value));
					}
				}
				default -> {
				}
			}
		}
		return record;
	}

	/** After a malformed element: consumes events up to the end of the enclosing {@code record}. */
	private void skipToEndOfRecord() throws XMLStreamException {
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("record")) {
				return;
			}
		}
	}

	private static String padLeader(String leader) {
		String trimmed = leader.replace('-', ' ');
		return trimmed.length() >= 24 ? trimmed.substring(0, 24) : String.format("%-24s", trimmed);
	}

	private static char indicator(String value) {
		return value == null || value.isEmpty() ? ' ' : value.charAt(0);
	}

}
