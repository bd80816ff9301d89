package org.branchlink.gateway.metrics;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * A reporting period of seeds 003 and 004: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year
 * ({@code 2026}).
 */
public record ReportPeriod(String code, String kind, LocalDate from, LocalDate to) {

	public static ReportPeriod parse(String code) {
		String text = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		try {
			if (text.matches("\\d{4}")) {
				int year = Integer.parseInt(text);
				return new ReportPeriod(text, "annual", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
			}
			if (text.matches("\\d{4}-Q[1-4]")) {
				int year = Integer.parseInt(text.substring(0, 4));
				int quarter = text.charAt(6) - '0';
				LocalDate from = LocalDate.of(year, quarter * 3 - 2, 1);
				return new ReportPeriod(text, "quarterly", from, from.plusMonths(3).minusDays(1));
			}
			if (text.matches("\\d{4}-\\d{2}")) {
				YearMonth month = YearMonth.parse(text);
				return new ReportPeriod(text, "monthly", month.atDay(1), month.atEndOfMonth());
			}
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("not a period: '" + code + "' (2026-11, 2026-Q4 or 2026)", ex);
		}
		throw new IllegalArgumentException("not a period: '" + code + "' (2026-11, 2026-Q4 or 2026)");
	}

	/** The month, quarter or year that holds a day. */
	public static ReportPeriod monthOf(LocalDate day) {
		return parse(YearMonth.from(day).toString());
	}

	/** This period cut at a day (a period still running compared so far); itself when it ends before that day. */
	public ReportPeriod until(LocalDate day) {
		return day.isBefore(to) && !day.isBefore(from) ? new ReportPeriod(code, kind, from, day) : this;
	}

	/** The same number of first days of this period as {@code cut} has (the same days of last month), at most all. */
	public ReportPeriod asLongAs(ReportPeriod cut) {
		LocalDate end = from.plusDays(cut.to.toEpochDay() - cut.from.toEpochDay());
		return end.isBefore(to) ? new ReportPeriod(code, kind, from, end) : this;
	}

	/** The period of the same kind just before this one (last month, last quarter, last year). */
	public ReportPeriod previous() {
		return switch (kind) {
			case "annual" -> parse(Integer.toString(from.getYear() - 1));
			case "quarterly" -> {
				LocalDate start = from.minusMonths(3);
				yield parse(start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1));
			}
			default -> monthOf(from.minusMonths(1));
		};
	}

	/** The same month, quarter or year one year earlier. */
	public ReportPeriod sameLastYear() {
		return switch (kind) {
			case "annual" -> previous();
			case "quarterly" -> parse((from.getYear() - 1) + code.substring(4));
			default -> monthOf(from.minusYears(1));
		};
	}

}
