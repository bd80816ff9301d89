package org.branchlink.gateway.metrics;

import java.util.ArrayList;
import java.util.List;

import org.branchlink.gateway.platform.CsvExport;

/** A report as CSV: one line per township, then the county's total. */
final class ReportCsv {

	static final String HEADER = "township,visits,active_readers,loans,copies,utilisation,readers,participants,participation,events,"
			+ "attendance,registrations,check_in_rate,mobile_stops,village_centres,village_centres_reached,coverage,"
			+ "tickets_due,tickets_on_time,ticket_compliance,satisfaction,satisfaction_n,satisfaction_margin";

	private ReportCsv() {
	}

	static String of(ServiceMetrics.Report report) {
		return CsvExport.of(List.of(HEADER.split(",")), rows(report));
	}

	/** The report's lines as cells: each township, then the county. */
	static List<List<Object>> rows(ServiceMetrics.Report report) {
		List<ServiceMetrics.Row> rows = new ArrayList<>(report.townships());
		rows.add(report.county());
		return rows.stream()
			.map(r -> List.<Object>of(r.township(), n(r.visits()), n(r.activeReaders()), n(r.loans()), n(r.copies()),
					d(r.utilisation()), n(r.readers()), n(r.participants()), d(r.participation()), n(r.events()),
					n(r.attendance()), n(r.registrations()), d(r.checkInRate()), n(r.mobileStops()),
					n(r.villageCentres()), n(r.villageCentresReached()), d(r.coverage()), n(r.ticketsDue()),
					n(r.ticketsOnTime()), d(r.ticketCompliance()), d(r.satisfaction()),
					r.satisfactionN() == null ? "" : r.satisfactionN().toString(), d(r.satisfactionMargin())))
			.toList();
	}

	private static String n(long value) {
		return Long.toString(value);
	}

	private static String d(Double value) {
		return value == null ? "" : value.toString();
	}

}
