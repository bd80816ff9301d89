package org.branchlink.gateway.population;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.branchlink.gateway.metrics.ServiceMetrics;
import org.branchlink.site.OpeningHours;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures against the resident population (标准化均等化, issue 20 point 1): per township and for the county,
 * coverage (villages and communities with a centre serving them ÷ all), reach (those whose centre a mobile unit served
 * in the period ÷ all), participation per 1,000 residents, copies per head; and how equal the townships are (the spread
 * and the worst-to-best ratio of each per-head figure), floor area per 10,000 residents, every site's weekly opening
 * hours against its kind's standard, and the county's figures against its targets ({@link StandardsProperties}).
 * Definitions in {@code src/docs/metrics.md}.
 */
@Service
public class PopulationFigures {

	/** One township's figures (or the county's: {@code township} null); {@code floorArea} of its sites, in m². */
	public record Row(String township, int villages, long residents, int served, int reached, long participants,
			long copies, double floorArea) {

		/** Villages and communities with a centre serving them ÷ all of them. */
		@JsonProperty
		public Double coverage() {
			return villages == 0 ? null : (double) served / villages;
		}

		/** Villages and communities whose centre a mobile unit served in the period ÷ all of them. */
		@JsonProperty
		public Double reach() {
			return villages == 0 ? null : (double) reached / villages;
		}

		/** Readers who took part in an event in the period, per 1,000 residents. */
		@JsonProperty
		public Double participationPerThousand() {
			return residents == 0 ? null : participants * 1000.0 / residents;
		}

		/** Copies held in the township, per resident. */
		@JsonProperty
		public Double copiesPerHead() {
			return residents == 0 ? null : (double) copies / residents;
		}

		/** Floor area open to the public per 10,000 residents, in m² (每万人公共文化设施面积). */
		@JsonProperty
		public Double floorAreaPerTenThousand() {
			return residents == 0 ? null : floorArea * 10_000 / residents;
		}
	}

	/**
	 * A site with a weekly opening standard: its hours in an ordinary week from its {@code opening-hours} (null when
	 * not given or not readable) against the standard of its kind.
	 */
	public record OpeningCheck(String siteId, String kind, Double weeklyHours, double standard) {

		@JsonProperty
		public boolean meets() {
			return weeklyHours != null && weeklyHours >= standard - 1e-9;
		}
	}

	/** A figure of the county against its target ({@code met} null when the figure cannot be measured). */
	public record TargetCheck(String figure, Double value, double target) {

		@JsonProperty
		public Boolean met() {
			return value == null ? null : value >= target - 1e-9;
		}

		/** Whether the figure is a share (shown as a percentage). */
		@JsonProperty
		public boolean share() {
			return figure.equals("coverage") || figure.equals("reach") || figure.equals("openingHours");
		}
	}

	/** How far apart the townships are on one figure: the lowest, the highest, their difference and ratio. */
	public record Equalisation(String figure, double lowest, String lowestTownship, double highest,
			String highestTownship) {

		public double spread() {
			return highest - lowest;
		}

		/** Worst ÷ best (1 = equal). */
		public Double ratio() {
			return highest == 0 ? null : lowest / highest;
		}
	}

	/** The figures of a period. */
	public record Figures(LocalDate from, LocalDate to, List<Row> townships, Row county, List<Equalisation> equalisation,
			int unknownTownship, List<OpeningCheck> openingHours, List<TargetCheck> targets) {

		/** Sites open at least their standard weekly hours ÷ sites with a standard; null when none has one. */
		@JsonProperty
		public Double openingHoursCompliance() {
			return openingHours.isEmpty() ? null
					: (double) openingHours.stream().filter(OpeningCheck::meets).count() / openingHours.size();
		}

		/** The sites short of their weekly hours (or whose hours are not given), shortest first. */
		@JsonProperty
		public List<OpeningCheck> shortOfHours() {
			return openingHours.stream().filter(check -> !check.meets())
				.sorted(Comparator.comparing((OpeningCheck check) -> check.weeklyHours() == null ? -1 : check.weeklyHours()))
				.toList();
		}
	}

	private final Villages villages;

	private final ServiceMetrics metrics;

	private final SiteDirectory sites;

	private final JdbcClient jdbc;

	private final StandardsProperties standards;

	PopulationFigures(Villages villages, ServiceMetrics metrics, SiteDirectory sites, JdbcClient jdbc,
			StandardsProperties standards) {
		this.standards = standards;
		this.villages = villages;
		this.metrics = metrics;
		this.sites = sites;
		this.jdbc = jdbc;
	}

	public Figures of(LocalDate from, LocalDate to) {
		SiteRegistry registry = sites.require();
		Map<String, String> stationByCode = registry.sites().stream().filter(site -> site.kind() == SiteKind.TOWNSHIP_STATION)
			.collect(Collectors.toMap(site -> site.areaCode().township(), Site::id, (a, b) -> a));
		Set<String> visited = new HashSet<>(jdbc.sql("""
				select distinct site_id from mobile_visit
				where status = 'planned' and arrived_at is not null and day between :from and :to""")
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(String.class).list());
		Map<String, ServiceMetrics.Row> service = metrics.report(from, to).townships().stream()
			.collect(Collectors.toMap(ServiceMetrics.Row::township, row -> row, (a, b) -> a));
		Map<String, List<Villages.Village>> byTownship = villages.all().stream()
			.collect(Collectors.groupingBy(village -> stationByCode.getOrDefault(village.township(), ""), Collectors.toList()));
		Map<String, Double> area = new HashMap<>();
		double countyArea = 0;
		for (Site site : registry.sites()) {
			if (site.floorArea() != null && site.kind().level() != SiteLevel.MOBILE) {
				countyArea += site.floorArea();
				registry.townshipOf(site.id()).ifPresent(t -> area.merge(t.id(), site.floorArea(), Double::sum));
			}
		}
		List<Row> rows = new ArrayList<>();
		for (Map.Entry<String, List<Villages.Village>> entry : byTownship.entrySet()) {
			if (entry.getKey().isEmpty()) {
				continue;
			}
			List<Villages.Village> list = entry.getValue();
			ServiceMetrics.Row figures = service.get(entry.getKey());
			rows.add(new Row(entry.getKey(), list.size(), list.stream().mapToLong(Villages.Village::residents).sum(),
					(int) list.stream().filter(village -> village.servedBy() != null).count(),
					(int) list.stream().filter(village -> village.servedBy() != null && visited.contains(village.servedBy())).count(),
					figures == null ? 0 : figures.participants(), figures == null ? 0 : figures.copies(),
					area.getOrDefault(entry.getKey(), 0.0)));
		}
		rows.sort(Comparator.comparing(Row::township));
		Row county = new Row(null, rows.stream().mapToInt(Row::villages).sum(), rows.stream().mapToLong(Row::residents).sum(),
				rows.stream().mapToInt(Row::served).sum(), rows.stream().mapToInt(Row::reached).sum(),
				rows.stream().mapToLong(Row::participants).sum(), rows.stream().mapToLong(Row::copies).sum(), countyArea);
		List<Equalisation> equalisation = new ArrayList<>();
		equal("coverage", rows, Row::coverage).ifPresent(equalisation::add);
		equal("reach", rows, Row::reach).ifPresent(equalisation::add);
		equal("participation", rows, Row::participationPerThousand).ifPresent(equalisation::add);
		equal("copies", rows, Row::copiesPerHead).ifPresent(equalisation::add);
		equal("floorArea", rows, Row::floorAreaPerTenThousand).ifPresent(equalisation::add);
		List<OpeningCheck> opening = new ArrayList<>();
		for (Site site : registry.sites()) {
			Double standard = standards.weeklyOpenHours().get(site.kind().code());
			if (standard != null) {
				OptionalDouble hours = OpeningHours.weeklyHours(site.openingHours());
				opening.add(new OpeningCheck(site.id(), site.kind().code(), hours.isPresent() ? hours.getAsDouble() : null,
						standard));
			}
		}
		Figures measured = new Figures(from, to, rows, county, equalisation, byTownship.getOrDefault("", List.of()).size(),
				opening, List.of());
		return new Figures(from, to, rows, county, equalisation, measured.unknownTownship(), opening,
				targets(measured));
	}

	/** The county's figures against each target set (in the order of {@link StandardsProperties.Targets}). */
	private List<TargetCheck> targets(Figures figures) {
		StandardsProperties.Targets targets = standards.targets();
		Row county = figures.county();
		List<TargetCheck> checks = new ArrayList<>();
		add(checks, "coverage", county.villages() == 0 ? null : county.coverage(), targets.coverage());
		add(checks, "reach", county.villages() == 0 ? null : county.reach(), targets.reach());
		add(checks, "participation", county.participationPerThousand(), targets.participationPerThousand());
		add(checks, "copies", county.copiesPerHead(), targets.copiesPerHead());
		add(checks, "floorArea", county.floorAreaPerTenThousand(), targets.floorAreaPerTenThousand());
		add(checks, "openingHours", figures.openingHoursCompliance(), targets.openingHours());
		return checks;
	}

	private static void add(List<TargetCheck> checks, String figure, Double value, Double target) {
		if (target != null) {
			checks.add(new TargetCheck(figure, value, target));
		}
	}

	private static Optional<Equalisation> equal(String figure, List<Row> rows,
			Function<Row, Double> value) {
		List<Row> measured = rows.stream().filter(row -> value.apply(row) != null).toList();
		if (measured.size() < 2) {
			return Optional.empty();
		}
		ToDoubleFunction<Row> of = row -> value.apply(row);
		Row low = measured.stream().min(Comparator.comparingDouble(of)).orElseThrow();
		Row high = measured.stream().max(Comparator.comparingDouble(of)).orElseThrow();
		return Optional.of(new Equalisation(figure, of.applyAsDouble(low), low.township(), of.applyAsDouble(high),
				high.township()));
	}

}
