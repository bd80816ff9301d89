package org.branchlink.gateway.metrics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits (到馆人次, 流通人次): a site's gate counter or its staff report the day's count, a mobile unit its head count
 * at a stop. A count sent again for the same site, day and source replaces the earlier one.
 */
@Service
public class SiteVisits {

	static final Set<String> SOURCES = Set.of("gate", "mobile", "manual");

	/** One day's count at a site. */
	public record Count(LocalDate day, Integer visits, String source) {
	}

	private final JdbcClient jdbc;

	SiteVisits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public int record(String siteId, List<Count> counts) {
		for (Count count : counts) {
			String source = count.source() == null ? "gate" : count.source();
			if (count.day() == null || count.visits() == null || count.visits() < 0 || !SOURCES.contains(source)) {
				throw new IllegalArgumentException("a count needs its day, a number of visits (0 or more) and a source "
						+ "(" + SOURCES.stream().sorted().toList() + "): " + count);
			}
			jdbc.sql("""
					insert into site_visit (site_id, day, source, visits) values (:site, :day, :source, :visits)
					on conflict (site_id, day, source) do update set visits = excluded.visits, recorded_at = now()""")
				.param("site", siteId).param("day", Date.valueOf(count.day())).param("source", source)
				.param("visits", count.visits())
				.update();
		}
		return counts.size();
	}

}
