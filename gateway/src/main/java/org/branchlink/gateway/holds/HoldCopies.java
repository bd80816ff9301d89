package org.branchlink.gateway.holds;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.branchlink.catalog.ItemRef;
import org.branchlink.site.CountySettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The copy queries of hold allocation: candidates on the shelf, each site's recent load, new acquisitions. */
@Component
class HoldCopies {

	private final JdbcClient jdbc;

	private final HoldPolicy policy;

	private final java.time.Clock clock;

	private final ZoneId zone;

	HoldCopies(JdbcClient jdbc, HoldPolicy policy, java.time.Clock clock, CountySettings sync) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.clock = clock;
		this.zone = sync.zone();
	}

	/** Works with or without a new acquisition, remembered a minute: every placement behind others asks. */
	private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> newAcquisitions = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(50_000)
		.build();

	/** Whether the work has a copy young enough to be kept for local readers (few copies are: a partial index). */
	boolean hasNewAcquisition(String workId) {
		return newAcquisitions.get(workId, this::queryNewAcquisition);
	}

	private boolean queryNewAcquisition(String workId) {
		return jdbc.sql("""
				select exists (select 1 from item i where i.acquired_on > :since and exists (select 1 from bib_record r
				    where r.site_id = i.site_id and r.record_id = i.record_id and r.work_id = :work))""")
			.param("since", java.sql.Date.valueOf(LocalDate.now(clock.withZone(zone)).minusDays(policy.localDays())))
			.param("work", workId)
			.query(Boolean.class)
			.single();
	}

	/** Copies of the hold's work (or its one copy) on a shelf now and not allocated to another hold. */
	List<CopyCandidate> candidates(Map<String, Object> hold) {
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id, coalesce(s.at_site, i.site_id) as shelf, i.acquired_on
				from item i join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				left join item_state s on s.site_id = i.site_id and s.barcode = i.barcode
				where r.work_id = :work and coalesce(s.status, i.status) = 'available'
				  and (cast(:copySite as text) is null or (i.site_id = :copySite and i.barcode = :copyBarcode))
				  and not exists (select 1 from hold h where h.allocated_site = i.site_id and h.allocated_barcode = i.barcode
				                  and h.status in ('allocated', 'in_transit', 'ready'))""")
			.param("work", hold.get("work_id"))
			.param("copySite", hold.get("copy_site"))
			.param("copyBarcode", hold.get("copy_barcode"))
			// the acquisition date the holdings carry (Koha 952$d / 995$5, a spreadsheet's 入藏日期, a pushed item's
			// "acquired"); copies without one are never held back
			.query((rs, n) -> new CopyCandidate(new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)),
					rs.getString(4), rs.getDate(5) == null ? null
							: rs.getDate(5).toLocalDate().atStartOfDay(zone).toInstant()))
			.list();
	}
	/** Copies each site allocated to holds in the last seven days. */
	Map<String, Integer> recentLoad() {
		Map<String, Integer> load = new HashMap<>();
		jdbc.sql("""
				select allocated_site, count(*) from hold where allocated_at > now() - interval '7 days'
				group by allocated_site""")
			.query((java.sql.ResultSet rs) -> {
				load.put(rs.getString(1), rs.getInt(2));
			});
		return load;
	}

}
