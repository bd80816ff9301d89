package org.branchlink.gateway.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.branchlink.gateway.web.PageMessages;
import org.branchlink.gateway.web.SiteLabels;

import org.springframework.stereotype.Component;

/**
 * What the report page shows of a report beside the one before it: the county's headline figures as cards, and per
 * township the ratios its charts draw (percent, one decimal; null where there is nothing to divide).
 */
@Component
class ReportFigures {

	/** A headline figure now and in the period before; {@code key} names its label and its definition in the bundles. */
	record Figure(String key, Double now, Double before, Double lastYear) {

		@JsonProperty
		public Double change() {
			return now == null || before == null ? null : round(now - before);
		}

	}

	/** One chart: a ratio per township, this period and the one before. */
	record Chart(String key, List<String> labels, List<Double> now, List<Double> before) {

		public String labelsText() {
			return joined(labels);
		}

		public String nowText() {
			return joined(now);
		}

		public String beforeText() {
			return joined(before);
		}

	}

	private static final Map<String, Function<ServiceMetrics.Row, Double>> RATIOS = Map.of("utilisation",
			ServiceMetrics.Row::utilisation, "participation", ServiceMetrics.Row::participation, "coverage",
			ServiceMetrics.Row::coverage, "satisfaction", ServiceMetrics.Row::satisfaction);

	private final SiteLabels labels;

	private final PageMessages messages;

	ReportFigures(SiteLabels labels, PageMessages messages) {
		this.labels = labels;
		this.messages = messages;
	}

	List<Figure> headline(ServiceMetrics.Report now, ServiceMetrics.Report before, ServiceMetrics.Report lastYear) {
		ServiceMetrics.Row n = now.county();
		ServiceMetrics.Row b = before.county();
		ServiceMetrics.Row y = lastYear.county();
		return List.of(
				new Figure("utilisation", percent(n.utilisation()), percent(b.utilisation()), percent(y.utilisation())),
				new Figure("participation", percent(n.participation()), percent(b.participation()),
						percent(y.participation())),
				new Figure("satisfaction", percent(n.satisfaction()), percent(b.satisfaction()), percent(y.satisfaction())),
				new Figure("coverage", percent(n.coverage()), percent(b.coverage()), percent(y.coverage())),
				new Figure("tickets", percent(n.ticketCompliance()), percent(b.ticketCompliance()),
						percent(y.ticketCompliance())),
				new Figure("menu", percent(now.menu().orderRate()), percent(before.menu().orderRate()),
						percent(lastYear.menu().orderRate())));
	}

	List<Chart> charts(ServiceMetrics.Report now, ServiceMetrics.Report before) {
		List<String> names = now.townships().stream().map(row -> name(row.township())).toList();
		return List.of("utilisation", "participation", "coverage", "satisfaction").stream().map(key -> {
			Function<ServiceMetrics.Row, Double> ratio = RATIOS.get(key);
			List<Double> earlier = now.townships().stream()
				.map(row -> before.townships().stream().filter(old -> old.township().equals(row.township())).findFirst()
					.map(ratio).map(ReportFigures::percent).orElse(null))
				.toList();
			return new Chart(key, names, now.townships().stream().map(ratio).map(ReportFigures::percent).toList(),
					earlier);
		}).toList();
	}

	/** The figures as {@code data-*} text for charts.js: values joined by '|', an empty part where there is none. */
	static String joined(List<?> values) {
		return String.join("|", values.stream().map(v -> v == null ? "" : v.toString()).toList());
	}

	private String name(String township) {
		return ServiceMetrics.COUNTY.equals(township) ? messages.text("report.countyLevel") : labels.name(township);
	}

	private static Double percent(Double ratio) {
		return ratio == null ? null : round(ratio * 100);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

}
