package org.branchlink.gateway.disclosure;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public disclosure per site (公示, issue 20 point 4; seed 001: 免费开放公示制度; Public Library Law Art. 38): the staff of
 * a site keep its service phone, free services and barrier-free facilities, and post closure notices ahead of time;
 * the public site page and the home page show them. Owns {@code site_disclosure} and {@code site_closure}.
 */
@Service
public class SiteNotices {

	/** Digits with the usual separators: a landline with its area code, a mobile, 12345-style and 400 numbers. */
	private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 ()\\-－转]{2,24}");

	private static final int MAX_SERVICES = 30;

	/** The longest closure one notice announces (longer ones are a change of hours, not a closure). */
	private static final int MAX_CLOSURE_DAYS = 366;

	/** The disclosure figures over the sites of the registry and the closures starting in a period. */
	public record Figures(LocalDate from, LocalDate to, int sites, int disclosed, int closures, int announcedInTime) {

		/** Sites disclosing in full ÷ all sites. */
		public double disclosureRate() {
			return sites == 0 ? 0 : (double) disclosed / sites;
		}

		/** Closures announced at least 7 days ahead ÷ closures starting in the period. */
		public double timelyRate() {
			return closures == 0 ? 1 : (double) announcedInTime / closures;
		}
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final Clock clock;

	private final ZoneId zone;

	SiteNotices(JdbcClient jdbc, SiteDirectory sites, Clock clock, CountySettings county) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.clock = clock;
		this.zone = county.zone();
	}

	public ZoneId zone() {
		return zone;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** What a site discloses; nothing yet for a site that never did. */
	public Disclosure of(String siteId) {
		site(siteId);
		return jdbc.sql("select * from site_disclosure where site_id = :site").param("site", siteId)
			.query(SiteNotices::disclosure).optional().orElse(Disclosure.none(siteId));
	}

	/**
	 * The site's staff state what it discloses (replacing what stood). The phone must look like one; each free service
	 * is one line (its name and hours); blank lines are dropped.
	 */
	@Transactional
	public Disclosure disclose(String siteId, String phone, List<String> freeServices, Set<String> accessibility, String by) {
		site(siteId);
		String number = phone == null ? "" : phone.strip();
		if (!number.isEmpty() && !PHONE.matcher(number).matches()) {
			throw new InvalidRequestException("disclosure-phone", number);
		}
		List<String> services = (freeServices == null ? List.<String>of() : freeServices).stream()
			.map(String::strip).filter(line -> !line.isEmpty()).toList();
		if (services.size() > MAX_SERVICES) {
			throw new InvalidRequestException("disclosure-services", MAX_SERVICES);
		}
		services.forEach(line -> TextLimits.require("free service", line, TextLimits.TITLE));
		Set<Accessibility> facilities = EnumSet.noneOf(Accessibility.class);
		for (String code : accessibility == null ? Set.<String>of() : accessibility) {
			facilities.add(Accessibility.of(code).orElseThrow(() -> new InvalidRequestException("disclosure-access", code)));
		}
		jdbc.sql("""
				insert into site_disclosure (site_id, phone, free_services, accessibility, updated_at, updated_by)
				values (:site, :phone, :services, :access, :now, :by)
				on conflict (site_id) do update set phone = excluded.phone, free_services = excluded.free_services,
				    accessibility = excluded.accessibility, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.param("site", siteId).param("phone", number)
			.param("services", services.toArray(String[]::new))
			.param("access", facilities.stream().map(Accessibility::code).toArray(String[]::new))
			.param("now", Timestamp.from(clock.instant())).param("by", by)
			.update();
		return of(siteId);
	}

	/**
	 * Posts a closure notice. The first day may be today (an emergency closure is announced late rather than not at
	 * all — the figures count it as late); a notice about days gone is refused.
	 */
	@Transactional
	public Closure announce(String siteId, LocalDate fromDay, LocalDate toDay, String reason, String by) {
		site(siteId);
		if (fromDay == null || toDay == null || reason == null || reason.isBlank()) {
			throw new InvalidRequestException("closure-incomplete");
		}
		TextLimits.require("reason", reason, TextLimits.MESSAGE);
		if (toDay.isBefore(fromDay)) {
			throw new InvalidRequestException("closure-order", fromDay.toString(), toDay.toString());
		}
		if (fromDay.isBefore(today())) {
			throw new InvalidRequestException("closure-past", today().toString());
		}
		if (fromDay.plusDays(MAX_CLOSURE_DAYS).isBefore(toDay)) {
			throw new InvalidRequestException("closure-long", MAX_CLOSURE_DAYS);
		}
		long id = jdbc.sql("""
				insert into site_closure (site_id, from_day, to_day, reason, posted_at, posted_by)
				values (:site, :from, :to, :reason, :now, :by) returning id""")
			.param("site", siteId).param("from", Date.valueOf(fromDay)).param("to", Date.valueOf(toDay))
			.param("reason", reason.strip()).param("now", Timestamp.from(clock.instant())).param("by", by)
			.query(Long.class).single();
		return closure(id);
	}

	/** Withdraws a site's notice (it opens after all); it no longer shows and no longer counts. */
	@Transactional
	public void withdrawOf(String siteId, long closureId) {
		int changed = jdbc.sql("""
				update site_closure set withdrawn_at = :now where id = :id and site_id = :site and withdrawn_at is null""")
			.param("id", closureId).param("site", siteId).param("now", Timestamp.from(clock.instant())).update();
		if (changed == 0) {
			throw new NotFoundException("closure notice", String.valueOf(closureId));
		}
	}

	public Closure closure(long id) {
		return jdbc.sql(CLOSURES + " where id = :id").param("id", id).query(Closure.class).optional()
			.orElseThrow(() -> new NotFoundException("closure notice", String.valueOf(id)));
	}

	/** The notices of a site that are not over, the soonest first. */
	public List<Closure> coming(String siteId) {
		return jdbc.sql(CLOSURES + " where site_id = :site and withdrawn_at is null and to_day >= :today order by from_day, id")
			.param("site", siteId).param("today", Date.valueOf(today())).query(Closure.class).list();
	}

	/** Every site's notices that are not over and start within the coming days, the soonest first. */
	public List<Closure> comingEverywhere(int days) {
		return jdbc.sql(CLOSURES + " where withdrawn_at is null and to_day >= :today and from_day <= :until order by from_day, site_id limit 50")
			.param("today", Date.valueOf(today())).param("until", Date.valueOf(today().plusDays(days)))
			.query(Closure.class).list();
	}

	private static final String CLOSURES = "select id, site_id, from_day, to_day, reason, posted_at, posted_by from site_closure";

	/** The disclosure figures: sites disclosing in full, and closures of the period announced in time. */
	public Figures figures(LocalDate from, LocalDate to) {
		List<Site> all = sites.require().sites();
		Set<String> withHours = all.stream().filter(site -> !site.openingHours().isBlank()).map(Site::id)
			.collect(Collectors.toSet());
		List<Disclosure> disclosed = jdbc.sql("select * from site_disclosure").query(SiteNotices::disclosure).list();
		int complete = (int) disclosed.stream().filter(d -> d.complete(withHours.contains(d.siteId()))).count();
		List<Closure> closures = jdbc.sql(CLOSURES + " where withdrawn_at is null and from_day between :from and :to")
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Closure.class).list();
		int timely = (int) closures.stream().filter(closure -> closure.announcedInTime(zone)).count();
		return new Figures(from, to, all.size(), complete, closures.size(), timely);
	}

	private Site site(String id) {
		return sites.require().find(id == null ? "" : id).orElseThrow(() -> new NotFoundException("site", String.valueOf(id)));
	}

	private static Disclosure disclosure(ResultSet rs, int n) throws SQLException {
		Set<Accessibility> facilities = EnumSet.noneOf(Accessibility.class);
		Arrays.stream(strings(rs.getArray("accessibility"))).map(Accessibility::of)
			.forEach(code -> code.ifPresent(facilities::add));
		return new Disclosure(rs.getString("site_id"), rs.getString("phone"), List.of(strings(rs.getArray("free_services"))),
				facilities, rs.getTimestamp("updated_at").toInstant());
	}

	private static String[] strings(Array array) throws SQLException {
		return (String[]) array.getArray();
	}

}
