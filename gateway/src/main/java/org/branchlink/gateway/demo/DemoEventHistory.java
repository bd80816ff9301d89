package org.branchlink.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.events.EventCheckIns;
import org.branchlink.gateway.events.EventPublishing;
import org.branchlink.gateway.events.EventRegistrations;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.site.Site;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's events over its past year and its coming weeks as readers lived them: every fortnight an event
 * at one of the sites (a class, a lecture, a performance, a storytime…), registered for in the days before it, a few
 * places given up and taken by the waiting list, most who registered checked in at the door with some walk-ins, and
 * ratings the day after; for the coming events of the calendar feed, registrations so far and a full storytime with
 * a waiting list. The demo reader has a ticket in each state: attended and rated, cancelled, registered, waitlisted.
 * Each step is the registrations' real verb on its own day ({@link DemoClock}).
 */
@Component
@Profile("demo")
class DemoEventHistory {

	/** What the county's sites put on, in turn: category, title, description, audience (codes), capacity. */
	private record Programme(String category, String title, String description, List<String> audience, int capacity) {
	}

	private static final List<Programme> PROGRAMME = List.of(
			new Programme("training", "少儿书法体验课", "书法老师带孩子认识笔墨纸砚，写一幅福字。", List.of("children"), 20),
			new Programme("lecture", "健康养生讲座：秋冬季节老年人保健", "县医院医生讲老年人常见病的预防。", List.of("elderly"), 40),
			new Programme("experience", "绘本故事会", "图书馆员带小朋友读绘本、做手工。", List.of("children"), 25),
			new Programme("performance", "送戏下乡：越剧折子戏", "县越剧团小分队演出经典折子戏。", List.of("elderly"), 60),
			new Programme("training", "智能手机使用课：微信视频与健康码", "志愿者一对一教老人使用智能手机。", List.of("elderly"), 20),
			new Programme("lecture", "农技讲座：茶园病虫害绿色防控", "县农业农村局专家讲茶园管理。", List.of(), 50),
			new Programme("exhibition", "剪纸非遗作品展与体验", "非遗传承人现场示范剪纸，观众可动手体验。", List.of(), 40),
			new Programme("competition", "全民阅读朗诵比赛", "各镇选手朗诵经典诗文，观众投票。", List.of(), 50));

	private static final String[] COMMENTS = { "老师讲得很好，孩子很喜欢。", "希望多办几场。", "内容实用，学到了。", "场地有点小。",
			"非常精彩！", null, null };

	private final EventPublishing publishing;

	private final EventRegistrations registrations;

	private final EventCheckIns checkIns;

	private final EventCatalog catalog;

	private final DemoClock clock;

	DemoEventHistory(EventPublishing publishing, EventRegistrations registrations, EventCheckIns checkIns, EventCatalog catalog,
			DemoClock clock) {
		this.publishing = publishing;
		this.registrations = registrations;
		this.checkIns = checkIns;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** What the generation did, for the log and the tests. */
	static final class Tally {

		int events, registered, cancelled, attended, walkIns, rated, refused;

		@Override
		public String toString() {
			return events + " past events, " + registered + " registrations (" + cancelled + " cancelled, " + attended
					+ " attended), " + walkIns + " walk-ins, " + rated + " ratings, " + refused + " steps refused";
		}

	}

	/**
	 * Past events every fortnight over the last {@code days} at these sites with these readers, then registrations for
	 * the coming events.
	 */
	Tally generate(List<Reader> readers, Reader demoReader, List<Site> lending, int days, ZoneId zone) {
		Random random = new Random(2028);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<LocalDate> eventDays = new ArrayList<>();
		for (LocalDate day = today.minusDays(Math.min(days, 365)).plusDays(3); day.isBefore(today.minusDays(1));
				day = day.plusDays(14)) {
			eventDays.add(day);
		}
		int last = eventDays.size() - 1;
		Tally tally = new Tally();
		try {
			for (int n = 0; n <= last; n++) {
				Programme programme = PROGRAMME.get(n % PROGRAMME.size());
				Site site = lending.get(n % Math.min(lending.size(), 6));
				ZonedDateTime starts = eventDays.get(n).atTime(programme.audience().contains("children") ? 10 : 14, 30).atZone(zone);
				clock.travelTo(starts.minusDays(10).toInstant());
				CulturalEvent event = publishing.fromForm(new EventPublishing.EventRequest(null, 0, programme.category(),
						programme.title(), programme.description(), site.id(), site.name().zh(), starts.toOffsetDateTime(),
						starts.plusMinutes(90).toOffsetDateTime(), programme.capacity(), programme.audience(), true, null,
						false));
				tally.events++;
				// the demo reader came to two of the latest and rated them, and gave up a place at one in between
				pastEvent(event, readers, n == last || n == last - 2 ? demoReader : null, n == last - 1 ? demoReader : null,
						random, tally);
			}
			clock.back();
			comingEvents(readers, demoReader, now, random, tally);
		}
		finally {
			clock.back();
		}
		return tally;
	}

	/** One past event's registrations, cancellations, check-in at the door and ratings. */
	private void pastEvent(CulturalEvent event, List<Reader> readers, Reader attendsAndRates, Reader cancels,
			Random random, Tally tally) {
		int wanting = event.capacity() * (6 + random.nextInt(6)) / 10;
		Map<Reader, Long> came = new LinkedHashMap<>();
		List<Long> registered = new ArrayList<>();
		List<Reader> who = new ArrayList<>();
		if (attendsAndRates != null) {
			who.add(attendsAndRates);
		}
		if (cancels != null) {
			who.add(cancels);
		}
		for (int i = 0; i < wanting; i++) {
			who.add(readers.get(random.nextInt(readers.size())));
		}
		Instant registering = event.starts().minus(Duration.ofDays(6));
		for (Reader reader : who) {
			registering = registering.plus(Duration.ofMinutes(20 + random.nextInt(300)));
			clock.travelTo(registering);
			try {
				registered.add(registrations.register(reader, event.id()).id());
				tally.registered++;
			}
			catch (RuntimeException ex) {
				tally.refused++;
				registered.add(null);
			}
		}
		clock.travelTo(event.starts().minus(Duration.ofDays(1)));
		for (int i = 0; i < who.size(); i++) {
			Reader reader = who.get(i);
			Long id = registered.get(i);
			if (id == null) {
				continue;
			}
			if (reader == cancels || (reader != attendsAndRates && random.nextInt(12) == 0)) {
				try {
					registrations.cancel(reader, id);
					tally.cancelled++;
				}
				catch (RuntimeException ex) {
					tally.refused++;
				}
				registered.set(i, null);
			}
		}
		// at the door: most of those with a place come, a few who did not register walk in
		Instant door = event.starts().minus(Duration.ofMinutes(10));
		for (int i = 0; i < who.size(); i++) {
			Reader reader = who.get(i);
			if (registered.get(i) == null || (reader != attendsAndRates && random.nextInt(7) == 0)) {
				continue;
			}
			door = door.plusSeconds(20 + random.nextInt(60));
			clock.travelTo(door);
			try {
				came.put(reader, checkIns.checkIn(event.id(), reader.cardNumber()).id());
				tally.attended++;
			}
			catch (RuntimeException ex) {
				tally.refused++;
			}
		}
		for (int i = random.nextInt(4); i > 0; i--) {
			door = door.plusSeconds(60);
			clock.travelTo(door);
			try {
				checkIns.checkIn(event.id(), null);
				tally.walkIns++;
			}
			catch (RuntimeException ex) {
				tally.refused++;
			}
		}
		// the next day, some who came rate it
		clock.travelTo(event.ends().plus(Duration.ofHours(20)));
		for (Map.Entry<Reader, Long> attendee : came.entrySet()) {
			Reader reader = attendee.getKey();
			if (reader != attendsAndRates && random.nextInt(5) > 1) {
				continue;
			}
			try {
				registrations.rate(reader, attendee.getValue(), reader == attendsAndRates ? 5 : 3 + random.nextInt(3),
						COMMENTS[random.nextInt(COMMENTS.length)]);
				tally.rated++;
			}
			catch (RuntimeException ex) {
				tally.refused++;
			}
		}
	}

	/** Registrations so far for the coming events that take them: half full, the smallest full with a waiting list. */
	private void comingEvents(List<Reader> readers, Reader demoReader, Instant now, Random random, Tally tally) {
		List<CulturalEvent> coming = catalog.startingIn(now.plus(Duration.ofHours(6)), now.plus(Duration.ofDays(21)),
				CulturalEvent.Kind.EVENT, 50)
			.stream()
			.filter(event -> event.capacity() != null)
			.toList();
		CulturalEvent smallest = coming.stream()
			.min(Comparator.comparingInt(CulturalEvent::capacity))
			.orElse(null);
		boolean demoRegistered = false;
		for (CulturalEvent event : coming) {
			boolean full = event == smallest;
			int wanting = full ? event.capacity() + 3 : event.capacity() / 2;
			List<Reader> who = new ArrayList<>();
			for (int i = 0; i < wanting; i++) {
				who.add(readers.get(random.nextInt(readers.size())));
			}
			if (full) {
				who.add(demoReader); // last: on the waiting list
			}
			else if (!demoRegistered) {
				who.add(0, demoReader);
				demoRegistered = true;
			}
			for (Reader reader : who) {
				try {
					registrations.register(reader, event.id());
					tally.registered++;
				}
				catch (RuntimeException ex) {
					tally.refused++;
				}
			}
		}
	}

}
