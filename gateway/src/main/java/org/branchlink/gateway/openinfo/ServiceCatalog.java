package org.branchlink.gateway.openinfo;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.metrics.ServiceMetrics;
import org.branchlink.gateway.openinfo.ServiceCatalogProperties.Item;
import org.branchlink.gateway.openinfo.ServiceCatalogProperties.Measure;

import org.springframework.stereotype.Service;

/**
 * The county's service catalogue with where the county stands this year on each item BranchLink can measure (from
 * the same figures as the service reports): how many townships meet an item's minimum, and the lowest township's
 * figure; the menu's order rate for the county.
 */
@Service
public class ServiceCatalog {

	/** Where the county stands on a measured item this year, up to {@code to}. */
	public record Standing(LocalDate from, LocalDate to, int townships, int meeting, double lowest, double minimum) {

		/** Every township measured meets it (and at least one was measured). */
		public boolean met() {
			return townships > 0 && meeting == townships;
		}
	}

	/** An item with its standing ({@code null} when not measured). */
	public record Entry(Item item, Standing standing) {
	}

	private final ServiceCatalogProperties properties;

	private final ServiceMetrics metrics;

	ServiceCatalog(ServiceCatalogProperties properties, ServiceMetrics metrics) {
		this.properties = properties;
		this.metrics = metrics;
	}

	/** The catalogue, each measured item with its standing from the first of the year to {@code today}. */
	public List<Entry> entries(LocalDate today) {
		LocalDate from = today.withDayOfYear(1);
		ServiceMetrics.Report report = properties.serviceCatalog().stream().anyMatch(item -> item.measure() != null)
				? metrics.report(from, today) : null;
		return properties.serviceCatalog().stream()
			.map(item -> new Entry(item, item.measure() == null ? null : standing(item.measure(), report, from, today)))
			.toList();
	}

	private static Standing standing(Measure measure, ServiceMetrics.Report report, LocalDate from, LocalDate to) {
		List<ServiceMetrics.Row> townships = report.townships().stream()
			.filter(row -> !row.township().equals(ServiceMetrics.COUNTY)).toList();
		List<Double> values = switch (measure.kind()) {
			case EVENTS_PER_TOWNSHIP -> townships.stream()
				.map(row -> (double) row.eventsByCategory().getOrDefault(measure.category(), 0L)).toList();
			case MOBILE_STOPS_PER_VILLAGE -> townships.stream()
				.filter(row -> row.villageCentres() > 0)
				.map(row -> (double) row.mobileStops() / row.villageCentres()).toList();
			case MENU_ORDER_RATE -> List.of(report.menu().orderRate());
		};
		int meeting = (int) values.stream().filter(value -> value >= measure.minimum()).count();
		double lowest = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		return new Standing(from, to, values.size(), meeting, lowest, measure.minimum());
	}

}
