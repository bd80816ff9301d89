package org.branchlink.gateway.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV files that staff open in a spreadsheet (RFC 4180, with Commons CSV). A text cell that came from outside and
 * begins like a formula ({@code = + - @}, a tab or a carriage return) is written with a leading apostrophe, so that a
 * spreadsheet shows it as text instead of running it (CSV injection).
 */
public final class CsvExport {

	private CsvExport() {
	}

	/** The file: the header, then the rows; text cells neutralised, other values as they print. */
	public static String of(List<String> header, List<? extends List<?>> rows) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
			printer.printRecord(header.stream().map(CsvExport::text).toList());
			for (List<?> row : rows) {
				printer.printRecord(row.stream().map(v -> v instanceof String s ? text(s) : v == null ? "" : v).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** A text cell that a spreadsheet will not take for a formula. */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
