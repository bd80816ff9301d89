package org.branchlink.gateway.population;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The county's standard and targets for the annual 标准化均等化 report ({@code branchlink.standards.*}; seed 001-8 and
 * 003-7: the county's own basic-service standard, configurable per federation).
 *
 * @param weeklyOpenHours the hours a site of a kind (its code: {@code central_library}, {@code township_station} …)
 *        should be open in an ordinary week at least; kinds not listed have no standard
 * @param targets the county's targets for the year's figures; a target not given is not judged
 */
@ConfigurationProperties("branchlink.standards")
public record StandardsProperties(Map<String, Double> weeklyOpenHours, Targets targets) {

	public StandardsProperties {
		weeklyOpenHours = weeklyOpenHours == null ? Map.of() : Map.copyOf(weeklyOpenHours);
		targets = targets == null ? new Targets(null, null, null, null, null, null) : targets;
	}

	/**
	 * The targets, each a minimum; null: none set.
	 *
	 * @param coverage villages and communities with a centre ÷ all (seed 001: 100 %)
	 * @param reach those whose centre a mobile unit served in the year ÷ all
	 * @param participationPerThousand readers who took part in an event, per 1,000 residents
	 * @param copiesPerHead copies held per resident
	 * @param floorAreaPerTenThousand floor area open to the public, m² per 10,000 residents
	 * @param openingHours sites open at least their standard weekly hours ÷ sites with a standard
	 */
	public record Targets(Double coverage, Double reach, Double participationPerThousand, Double copiesPerHead,
			Double floorAreaPerTenThousand, Double openingHours) {
	}

}
