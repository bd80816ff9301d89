package org.branchlink.gateway.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A report as an Office Open XML workbook (.xlsx) with one sheet, written with the JDK's zip: the CSV's header and
 * lines, numbers as numbers, text as inline strings. Opens in Excel, WPS and LibreOffice.
 */
final class ReportXlsx {

	private ReportXlsx() {
	}

	static byte[] of(ServiceMetrics.Report report, String sheetName) {
		return workbook(sheetName, List.of(ReportCsv.HEADER.split(",")), ReportCsv.rows(report));
	}

	static byte[] workbook(String sheetName, List<String> header, List<List<Object>> rows) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			put(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
					<Default Extension="xml" ContentType="application/xml"/>
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
					</Types>""");
			put(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
					</Relationships>""");
			put(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
					<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets>
					</workbook>""".formatted(escape(sheetName)));
			put(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
					</Relationships>""");
			StringBuilder sheet = new StringBuilder("""
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
			row(sheet, 1, List.copyOf(header));
			for (int i = 0; i < rows.size(); i++) {
				row(sheet, i + 2, rows.get(i));
			}
			put(zip, "xl/worksheets/sheet1.xml", sheet.append("</sheetData></worksheet>").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void row(StringBuilder sheet, int number, List<?> cells) {
		sheet.append("<row r=\"").append(number).append("\">");
		for (int c = 0; c < cells.size(); c++) {
			String ref = column(c) + number;
			String text = cells.get(c) == null ? "" : cells.get(c).toString();
			if (text.matches("-?\\d+(\\.\\d+)?(E-?\\d+)?")) {
				sheet.append("<c r=\"").append(ref).append("\"><v>").append(text).append("</v></c>");
			}
			else if (!text.isEmpty()) {
				sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(text))
					.append("</t></is></c>");
			}
		}
		sheet.append("</row>");
	}

	/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
	static String column(int index) {
		StringBuilder letters = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters.toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
