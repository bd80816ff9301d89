package org.branchlink.gateway.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reports as Office Open XML workbooks (.xlsx), written with Apache POI: a sheet per part, its header in bold and
 * frozen, numbers as numbers. Opens in Excel, WPS and LibreOffice.
 */
public final class ReportXlsx {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?(E-?\\d+)?");

	/** Columns are never narrower or wider than this many characters. */
	private static final int MIN_WIDTH = 6;

	private static final int MAX_WIDTH = 60;

	private ReportXlsx() {
	}

	/**
	 * One sheet of a workbook.
	 *
	 * @param name the sheet's name (made safe for a workbook: at most 31 characters, no {@code []*?/\:})
	 * @param header the column names
	 * @param rows the lines; a number (or text that reads as one) becomes a numeric cell, null an empty one
	 */
	public record Sheet(String name, List<String> header, List<List<Object>> rows) {
	}

	/** The service figures of a report as a one-sheet workbook, the sheet named after its period. */
	static byte[] of(ServiceMetrics.Report report, String sheetName) {
		return workbook(List.of(figures(report, sheetName)));
	}

	/** The service figures of a report as a sheet: each township, then the county. */
	public static Sheet figures(ServiceMetrics.Report report, String sheetName) {
		return new Sheet(sheetName, List.of(ReportCsv.HEADER.split(",")), ReportCsv.rows(report));
	}

	/** A workbook of these sheets, in order. */
	public static byte[] workbook(List<Sheet> sheets) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle head = workbook.createCellStyle();
			head.setFont(bold);
			for (Sheet part : sheets) {
				XSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(part.name()));
				int[] widths = new int[part.header().size()];
				XSSFRow top = sheet.createRow(0);
				for (int c = 0; c < part.header().size(); c++) {
					XSSFCell cell = top.createCell(c);
					cell.setCellValue(part.header().get(c));
					cell.setCellStyle(head);
					widths[c] = part.header().get(c).length();
				}
				for (int r = 0; r < part.rows().size(); r++) {
					XSSFRow row = sheet.createRow(r + 1);
					List<Object> cells = part.rows().get(r);
					for (int c = 0; c < cells.size(); c++) {
						Object value = cells.get(c);
						if (value == null) {
							continue;
						}
						XSSFCell cell = row.createCell(c);
						String text = value.toString();
						if (value instanceof Number number) {
							cell.setCellValue(number.doubleValue());
						}
						else if (NUMBER.matcher(text).matches()) {
							cell.setCellValue(Double.parseDouble(text));
						}
						else {
							cell.setCellValue(text);
						}
						if (c < widths.length) {
							// a Chinese character takes about two columns' width
							widths[c] = Math.max(widths[c], text.length() + (int) text.codePoints().filter(p -> p > 0x2E80).count());
						}
					}
				}
				for (int c = 0; c < widths.length; c++) {
					sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)) * 256);
				}
				sheet.createFreezePane(0, 1);
			}
			workbook.write(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
