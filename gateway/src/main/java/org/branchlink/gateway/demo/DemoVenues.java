package org.branchlink.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.venue.AmateurTroupe;
import org.branchlink.gateway.venue.Troupes;
import org.branchlink.gateway.venue.Venue;
import org.branchlink.gateway.venue.VenueBooking;
import org.branchlink.gateway.venue.VenueBookings;
import org.branchlink.gateway.venue.VenueRules;
import org.branchlink.gateway.volunteer.Volunteers;
import org.branchlink.gateway.venue.Venues;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteKind;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's venues and troupes: the culture hall's theatre, rehearsal hall and square, the library's lecture
 * hall and study room, a hall and a room at every township station; two troupes or teams per township and the county's
 * opera troupe (whose booking contact is the demo reader), the county's volunteer team (with the first volunteers in
 * it), with members and a year of guidance; and the venues' past
 * bookings (most used, a few not shown, withdrawn or declined) and the coming week's.
 */
@Component
@Profile("demo")
class DemoVenues {

	private static final String[][] GENRES = { { "广场舞队", "广场舞", "troupe" }, { "越剧社", "越剧", "troupe" },
			{ "腰鼓队", "腰鼓", "troupe" }, { "合唱团", "合唱", "troupe" }, { "书画社", "书画", "team" }, { "读书会", "阅读", "team" } };

	private static final String[] GUIDES = { "县文化馆 舞蹈辅导员 方老师", "县文化馆 戏曲辅导员 俞老师", "县文化馆 音乐辅导员 沈老师",
			"县图书馆 阅读推广人 林老师" };

	private static final String[] PURPOSES = { "广场舞排练", "书法交流", "亲子绘本共读", "太极拳练习", "村晚节目排练", "老年合唱练习",
			"象棋比赛", "读书分享会" };

	private final Venues venues;

	private final VenueBookings venueBookings;

	private final Troupes troupes;

	private final SiteDirectory sites;

	private final ReaderRegistry readers;

	private final Volunteers volunteers;

	DemoVenues(Venues venues, VenueBookings venueBookings, Troupes troupes, SiteDirectory sites, ReaderRegistry readers,
			Volunteers volunteers) {
		this.volunteers = volunteers;
		this.venues = venues;
		this.venueBookings = venueBookings;
		this.troupes = troupes;
		this.sites = sites;
		this.readers = readers;
	}

	/** Once: the venues and troupes; false (nothing written) when the county has venues already. */
	boolean setUp() {
		if (!venues.venues(Optional.empty()).isEmpty()) {
			return false;
		}
		Random random = new Random(2026_1207_2L);
		venue("culture-hall", "剧场", "hall", 600, "灯光音响、LED 屏、化妆间", true, true, 300, "09:00", "21:30");
		venue("culture-hall", "排练厅", "room", 60, "把杆、镜面墙、音响", true, false, 0, "08:30", "21:00");
		venue("culture-hall", "文化广场", "outdoor", 2000, "露天舞台、音响", true, false, 0, "07:00", "21:30");
		venue("central-library", "报告厅", "hall", 180, "投影、话筒", true, true, 100, "09:00", "20:30");
		venue("central-library", "研讨室", "room", 16, "白板、投影", true, false, 20, "09:00", "20:30");
		List<Site> stations = sites.require().sites().stream().filter(site -> site.kind() == SiteKind.TOWNSHIP_STATION).toList();
		int n = 0;
		for (Site station : stations) {
			venue(station.id(), "多功能厅", "hall", 120, "音响、投影、舞台", n % 3 != 2, false, 50, "08:30", "21:00");
			venue(station.id(), "活动室", "room", 40, "乒乓球桌、书画桌", n % 2 == 0, false, 0, "08:30", "17:30");
			String place = station.name().zh().replace("综合文化站", "").replace("文化站", "");
			for (int k = 0; k < 2; k++) {
				String[] genre = GENRES[(n * 2 + k) % GENRES.length];
				AmateurTroupe troupe = troupes.register(new Troupes.Registration(station.id(), genre[2], place + genre[0],
						genre[1], DemoNames.person(random), null));
				members(troupe, random);
			}
			n++;
		}
		// the county's volunteer team, with the first volunteers of the county in it
		AmateurTroupe team = troupes.register(new Troupes.Registration("culture-hall", "team", "青溪县文化志愿服务队", "文化志愿服务",
				DemoNames.person(random), null));
		volunteers.find(null, sites.byId().keySet()).stream().limit(8).forEach(v -> volunteers.joinTeam(v.id(), team.id()));
		String card = readers.byUsername("reader").map(Reader::cardNumber).orElse(null);
		members(troupes.register(new Troupes.Registration("culture-hall", "troupe", "青溪县业余越剧团", "越剧", DemoNames.person(random),
				card)), random);
		return true;
	}

	/**
	 * The past {@code days} days of bookings and guidance, and the coming week's bookings; returns how many bookings.
	 * The demo reader's own bookings are all kept (none not shown), so they may book on the demo's first day.
	 */
	int history(List<Reader> bookers, Reader demoReader, int days, ZoneId zone) {
		Random random = new Random(2026_1207_3L);
		LocalDate today = venueBookings.today();
		Map<String, List<AmateurTroupe>> bySite = troupes.active().stream()
			.collect(Collectors.groupingBy(AmateurTroupe::siteId));
		for (AmateurTroupe troupe : troupes.active()) {
			for (LocalDate day = today.minusDays(days); day.isBefore(today); day = day.plusDays(25 + random.nextInt(20))) {
				troupes.guide(troupe.id(), day, GUIDES[random.nextInt(GUIDES.length)], troupe.genre()
						+ (troupe.kind() == AmateurTroupe.Kind.TEAM ? "业务培训" : "基本功与节目编排辅导"), "demo");
			}
		}
		List<Reader> people = bookers.stream().filter(r -> demoReader == null || r.id() != demoReader.id()).toList();
		if (people.isEmpty()) {
			return 0;
		}
		VenueRules rules = venueBookings.rules();
		List<VenueBookings.Imported> bookings = new ArrayList<>();
		for (Venue venue : venues.venues(Optional.empty())) {
			List<AmateurTroupe> local = bySite.getOrDefault(venue.siteId(), List.of());
			double chance = venue.kind() == Venue.Kind.HALL ? 0.2 : 0.35;
			for (LocalDate day = today.minusDays(days); day.isBefore(today.plusDays(7)); day = day.plusDays(1)) {
				// a morning and an evening block, each taken or not
				for (LocalTime start : List.of(venue.opensAt().plusMinutes(30), venue.closesAt().minusHours(3))) {
					if (random.nextDouble() >= chance) {
						continue;
					}
					boolean byTroupe = !local.isEmpty() && random.nextInt(10) < 4;
					boolean benefit = !byTroupe && random.nextInt(10) < 3;
					VenueBooking.Rate rate = byTroupe || benefit ? VenueBooking.Rate.FREE
							: rules.residentDiscount() > 0 ? VenueBooking.Rate.DISCOUNTED : VenueBooking.Rate.STANDARD;
					AmateurTroupe troupe = byTroupe ? local.get(random.nextInt(local.size())) : null;
					Instant starts = day.atTime(start).atZone(zone).toInstant();
					Instant ends = starts.plus(Duration.ofHours(2));
					boolean past = starts.isBefore(Instant.now());
					int roll = random.nextInt(100);
					VenueBooking.Status status = !past ? (venue.needsApproval() && roll < 30 ? VenueBooking.Status.REQUESTED
							: VenueBooking.Status.CONFIRMED)
							: roll < 85 ? VenueBooking.Status.CHECKED_IN : roll < 91 ? VenueBooking.Status.NO_SHOW
									: roll < 97 || !venue.needsApproval() ? VenueBooking.Status.CANCELLED : VenueBooking.Status.DECLINED;
					String reason = status == VenueBooking.Status.DECLINED ? "当天已安排县级演出" : null;
					Reader booker = people.get(random.nextInt(people.size()));
					bookings.add(new VenueBookings.Imported(venue.id(), booker.id(), troupe == null ? null : troupe.id(),
							troupe != null ? troupe.genre() + "排练" : PURPOSES[random.nextInt(PURPOSES.length)], benefit,
							Math.max(1, Math.min(venue.capacity(), 8 + random.nextInt(40))), starts, ends, rate,
							venue.feePerHour() == 0 || rate == VenueBooking.Rate.FREE ? 0
									: (int) Math.ceil(venue.feePerHour() * 2 * (1 - rules.residentDiscount())),
							status, reason));
				}
			}
		}
		return venueBookings.importBookings(bookings, "demo");
	}

	private void venue(String siteId, String name, String kind, int capacity, String equipment, boolean accessible,
			boolean approval, int fee, String opens, String closes) {
		venues.save(null, new Venues.VenueRequest(siteId, name, kind, capacity, equipment, accessible, approval, fee,
				LocalTime.parse(opens), LocalTime.parse(closes)));
	}

	private void members(AmateurTroupe troupe, Random random) {
		int count = 6 + random.nextInt(10);
		for (int i = 0; i < count; i++) {
			troupes.addMember(troupe.id(), DemoNames.person(random), i == 0 ? "队长" : "");
		}
	}

}
