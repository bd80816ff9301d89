package org.branchlink.gateway.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.demand.DemandTickets;
import org.branchlink.gateway.metrics.SiteVisits;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.survey.Surveys;
import org.branchlink.gateway.volunteer.Volunteers;
import org.branchlink.site.CountySettings;
import org.branchlink.site.ServiceLine;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.IntakeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A year of the demo county's life, generated once at the demo's first start so dashboards and reports show believable
 * figures: readers across the townships (enough to draw the survey sample of 500), loans and returns at the lending
 * sites through the real circulation intake (one batch per site and month, dated as they happened; a few loans still
 * out, some overdue), daily gate counts, volunteers and their confirmed hours, residents' needs in every state, and an
 * answered satisfaction survey. Deterministic: the same seed gives the same county. Everything goes through the
 * modules' own APIs, as a county's sites would send it.
 */
@Component
@Profile("demo")
class DemoActivity {

	private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晓燕", "建华", "志强", "海燕", "春梅", "国平", "文博", "子涵", "雨桐",
			"浩然", "欣怡", "俊杰", "思远" };

	static final String[] NEEDS = { "希望周末延长阅览室开放时间", "村里老人想听健康养生讲座", "孩子暑假想参加书法班",
			"农家书屋的农技书太旧，希望更新", "希望增加广场舞培训", "能否送戏下乡到我们村", "希望开设智能手机使用课", "想借大字版图书",
			"希望流动图书车每月多来一次", "社区想办一场摄影展", "希望有少儿绘本故事会", "想学剪纸非遗技艺" };

	private final ReaderRegistry readers;

	private final LendingDesk desk;

	private final CatalogCopies copies;

	private final SiteDirectory sites;

	private final SiteVisits visits;

	private final Volunteers volunteers;

	private final DemandTickets tickets;

	private final Surveys surveys;

	private final ZoneId zone;

	private final int days;

	private final int readerCount;

	private final int loansPerDay;

	DemoActivity(ReaderRegistry readers, LendingDesk desk, CatalogCopies copies, SiteDirectory sites, SiteVisits visits,
			Volunteers volunteers, DemandTickets tickets, Surveys surveys, CountySettings county,
			@Value("${branchlink.demo.activity-days:365}") int days, @Value("${branchlink.demo.readers:1200}") int readerCount,
			@Value("${branchlink.demo.loans-per-day:30}") int loansPerDay) {
		this.readers = readers;
		this.desk = desk;
		this.copies = copies;
		this.sites = sites;
		this.visits = visits;
		this.volunteers = volunteers;
		this.tickets = tickets;
		this.surveys = surveys;
		this.zone = county.zone();
		this.days = days;
		this.readerCount = readerCount;
		this.loansPerDay = loansPerDay;
	}

	/** The generated past: its readers, and the sites that lend (the central library and big townships first). */
	record Past(List<Reader> readers, List<Site> lending, int days) {
	}

	/** Generates the year; called once, at the demo's first start, after the catalogue is loaded. */
	Past generate() {
		if (days <= 0) {
			return new Past(List.of(), List.of(), 0);
		}
		long started = System.nanoTime();
		Random random = new Random(2026);
		SiteRegistry registry = sites.require();
		LocalDate today = readers.today();
		LocalDate first = today.minusDays(days);
		List<Site> lending = lendingSites(registry);
		Map<String, List<Reader>> byTownship = readers(registry, lending, random, today);
		long readersDone = System.nanoTime();
		int loans = loans(registry, lending, byTownship, random, first, today);
		log.info("Demo activity: readers in {} ms, {} loans in {} ms", (readersDone - started) / 1_000_000, loans,
				(System.nanoTime() - readersDone) / 1_000_000);
		visits(lending, random, first, today, loans);
		int hours = volunteers(lending, random, first, today);
		needs(lending, random, today);
		int answered = survey(random);
		log.info("Demo activity: {} readers, {} loans over {} days, {} volunteer hour lines, {} survey answers, in {} ms",
				byTownship.values().stream().mapToInt(List::size).sum(), loans, days, hours, answered,
				(System.nanoTime() - started) / 1_000_000);
		return new Past(byTownship.values().stream().flatMap(List::stream).toList(), lending, days);
	}

	/** The sites that lend and hold copies: the central library and the townships first. */
	private List<Site> lendingSites(SiteRegistry registry) {
		Map<String, Long> perSite = copies.copiesPerSite();
		return registry.sites()
			.stream()
			.filter(site -> site.serviceLines().contains(ServiceLine.LIBRARY))
			.filter(site -> site.kind().level() != SiteLevel.MOBILE)
			.filter(site -> perSite.getOrDefault(site.id(), 0L) >= 20)
			.sorted(Comparator.comparing((Site site) -> -perSite.get(site.id())).thenComparing(Site::id))
			.toList();
	}

	/** Readers registered at the lending sites, by township; about one in six a child with a guardian's consent. */
	private Map<String, List<Reader>> readers(SiteRegistry registry, List<Site> lending, Random random, LocalDate today) {
		Map<String, List<Reader>> byTownship = new TreeMap<>();
		for (int i = 0; i < readerCount; i++) {
			Site home = lending.get(skewed(random, lending.size()));
			boolean child = random.nextInt(6) == 0;
			LocalDate birth = child ? today.minusYears(7 + random.nextInt(9)).minusDays(random.nextInt(365))
					: today.minusYears(18 + random.nextInt(62)).minusDays(random.nextInt(365));
			String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
			Reader reader = readers.register(new ReaderRegistry.Registration(name, birth, null, home.id(), null,
					random.nextInt(3) > 0, child ? SURNAMES[random.nextInt(SURNAMES.length)] + "家长" : null, child ? true : null,
					null));
			byTownship.computeIfAbsent(township(registry, home.id()), k -> new ArrayList<>()).add(reader);
		}
		return byTownship;
	}

	/** One copy's loan as generated: who, where, out and back. */
	private record Loan(String site, String barcode, String card, Instant out, Instant back) {
	}

	/**
	 * Loans day by day: more at weekends and in the school holidays; each copy lent again only once back; returns after
	 * one to five weeks, a few still out today and some of those overdue. Sent as the sites would send them: one batch per
	 * site and month, in time order.
	 */
	private int loans(SiteRegistry registry, List<Site> lending, Map<String, List<Reader>> byTownship, Random random,
			LocalDate first, LocalDate today) {
		Map<String, Deque<String>> shelf = new LinkedHashMap<>();
		for (Site site : lending) {
			shelf.put(site.id(), new ArrayDeque<>(copies.barcodesAt(site.id(), DemoHolds.LENT_COPIES)));
		}
		List<Reader> everyone = byTownship.values().stream().flatMap(List::stream).toList();
		Map<String, Integer> out = new HashMap<>();
		List<Loan> loans = new ArrayList<>();
		List<Loan> open = new ArrayList<>();
		for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
			LocalDate current = day;
			open.removeIf(loan -> {
				if (loan.back() != null && !loan.back().isAfter(current.atStartOfDay(zone).toInstant())) {
					shelf.get(loan.site()).addLast(loan.barcode());
					out.merge(loan.card(), -1, Integer::sum);
					return true;
				}
				return false;
			});
			boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
			boolean holidays = day.getMonthValue() == 7 || day.getMonthValue() == 8 || day.getMonthValue() == 2;
			int count = (int) Math.round(loansPerDay * (weekend ? 1.5 : 1.0) * (holidays ? 1.3 : 1.0)
					* (0.7 + random.nextDouble() * 0.6));
			for (int i = 0; i < count; i++) {
				Site site = lending.get(skewed(random, lending.size()));
				Deque<String> available = shelf.get(site.id());
				if (available.isEmpty()) {
					continue;
				}
				List<Reader> near = byTownship.getOrDefault(township(registry, site.id()), everyone);
				List<Reader> from = near.isEmpty() || random.nextInt(5) == 0 ? everyone : near;
				Reader reader = from.get(random.nextInt(from.size()));
				if (out.getOrDefault(reader.cardNumber(), 0) >= 4) {
					continue;
				}
				String barcode = available.pollFirst();
				Instant lent = day.atTime(9, 0).plusMinutes(random.nextInt(540)).atZone(zone).toInstant();
				LocalDate returned = day.plusDays(7 + random.nextInt(29) + (random.nextInt(12) == 0 ? 30 : 0));
				Instant back = returned.isBefore(today)
						? returned.atTime(9, 0).plusMinutes(random.nextInt(540)).atZone(zone).toInstant() : null;
				Loan loan = new Loan(site.id(), barcode, reader.cardNumber(), lent, back);
				loans.add(loan);
				open.add(loan);
				out.merge(reader.cardNumber(), 1, Integer::sum);
			}
		}
		send(loans);
		return loans.size();
	}

	/** The loans and returns as circulation events, one batch per site and month, in time order. */
	private void send(List<Loan> loans) {
		Map<String, List<CirculationEvent>> batches = new TreeMap<>();
		int n = 0;
		for (Loan loan : loans) {
			n++;
			batches.computeIfAbsent(month(loan.out()) + " " + loan.site(), k -> new ArrayList<>())
				.add(new CirculationEvent(loan.site(), "demo-out-" + n, CirculationAction.CHECKOUT, loan.out(),
						loan.barcode(), null, loan.card(), null, null));
			if (loan.back() != null) {
				batches.computeIfAbsent(month(loan.back()) + " " + loan.site(), k -> new ArrayList<>())
					.add(new CirculationEvent(loan.site(), "demo-back-" + n, CirculationAction.CHECKIN, loan.back(),
							loan.barcode(), null, null, null, null));
			}
		}
		int rejected = 0;
		for (Map.Entry<String, List<CirculationEvent>> batch : batches.entrySet()) {
			List<CirculationEvent> events = new ArrayList<>(batch.getValue());
			events.sort(Comparator.comparing(CirculationEvent::occurredAt));
			String site = batch.getKey().substring(batch.getKey().indexOf(' ') + 1);
			IntakeReport report = desk.submit(new CirculationBatch(site, "demo-year", events, List.of()));
			rejected += report.rejected();
		}
		if (rejected > 0) {
			log.warn("Demo activity: {} generated circulation events refused by the intake", rejected);
		}
	}

	private String month(Instant at) {
		return at.atZone(zone).toLocalDate().withDayOfMonth(1).toString();
	}

	/** Gate counts: every opening day, about three visits for each loan plus readers who only read or study. */
	private void visits(List<Site> lending, Random random, LocalDate first, LocalDate today, int loans) {
		int perSiteDay = Math.max(5, loans * 3 / Math.max(1, days * lending.size()));
		for (int s = 0; s < lending.size(); s++) {
			Site site = lending.get(s);
			double weight = 2.0 / (1 + s);
			List<SiteVisits.Count> counts = new ArrayList<>();
			for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
				boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
				int visitsToday = (int) Math.round(perSiteDay * (1 + weight) * (weekend ? 1.6 : 1.0)
						* (0.6 + random.nextDouble() * 0.8));
				counts.add(new SiteVisits.Count(day, visitsToday, "gate"));
			}
			visits.record(site.id(), counts);
		}
	}

	/** Volunteers at the lending sites, their hours about twice a month, most confirmed by another person. */
	private int volunteers(List<Site> lending, Random random, LocalDate first, LocalDate today) {
		int lines = 0;
		List<String> skills = List.of("reading", "calligraphy", "guiding", "computer", "performance");
		for (int i = 0; i < 24; i++) {
			Site home = lending.get(skewed(random, lending.size()));
			Volunteers.Volunteer volunteer = volunteers.register(new Volunteers.Registration(
					SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
					today.minusYears(20 + random.nextInt(45)), null, home.id(),
					List.of(skills.get(random.nextInt(skills.size()))), null, null), "librarian");
			for (LocalDate day = first.plusDays(random.nextInt(14)); day.isBefore(today);
					day = day.plusDays(10 + random.nextInt(10))) {
				long line = volunteers.logHours(volunteer.id(), home.id(), null, day,
						BigDecimal.valueOf(2 + random.nextInt(3)), null, "librarian");
				if (day.isBefore(today.minusDays(14)) || random.nextBoolean()) {
					// rated 3 to 5 (from the line, not the generator, so the rest of the demo stays as it was)
					volunteers.confirm(line, "admin", 3 + (int) (line % 3));
				}
				lines++;
			}
		}
		return lines;
	}

	/** Residents' needs over the last weeks: some only received, some classified, some answered. */
	private void needs(List<Site> lending, Random random, LocalDate today) {
		for (int i = 0; i < NEEDS.length; i++) {
			Site site = lending.get(random.nextInt(lending.size()));
			Instant received = today.minusDays(2 + i * 3L).atTime(10, 0).atZone(zone).toInstant();
			DemandTickets.Ticket ticket = tickets.register(new DemandTickets.Intake(i % 3 == 0 ? "phone" : "online", NEEDS[i],
					site.id(), null, null, received), "demo");
			if (i % 4 == 3) {
				continue;
			}
			tickets.review(ticket.id(), true, NEEDS[i], "librarian");
			if (i % 4 == 2) {
				continue;
			}
			tickets.classify(ticket.id(), new DemandTickets.Classification(i % 2 == 0 ? "group" : "individual", "active",
					"general", site.id(), "normal", "easy", "handle", null), "librarian");
			if (i % 4 == 0) {
				tickets.answer(ticket.id(), "已安排，感谢您的建议。", true, "librarian");
			}
		}
	}

	/** The county's satisfaction survey: a sample of 500 readers, a little over half of whom answered. */
	private int survey(Random random) {
		if (readerCount < 500) {
			return 0;
		}
		Surveys.Drawn drawn = surveys.create(new Surveys.SurveyRequest("年度公共文化服务满意度调查", Surveys.STANDARD, 500,
				2026L), "admin");
		int answered = 0;
		for (String token : surveys.tokens(drawn.id())) {
			if (random.nextInt(100) >= 56) {
				continue;
			}
			Map<String, Object> answers = new LinkedHashMap<>();
			for (Surveys.Question question : Surveys.STANDARD) {
				if (question.kind().equals("scale")) {
					answers.put(question.id(), random.nextInt(10) == 0 ? 3 : 4 + random.nextInt(2) - (random.nextInt(8) == 0 ? 2 : 0));
				}
			}
			surveys.respond(token, answers);
			answered++;
		}
		return answered;
	}

	/** A site's township (itself above townships). */
	private static String township(SiteRegistry registry, String siteId) {
		return registry.townshipOf(siteId).map(Site::id).orElse(siteId);
	}

	/** An index skewed towards the first: the central library and big townships see more readers. */
	private static int skewed(Random random, int size) {
		double u = random.nextDouble();
		return Math.min(size - 1, (int) (size * u * u));
	}

}
