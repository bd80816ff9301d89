package org.branchlink.gateway.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventSearch;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.holds.HoldShelf;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.transfer.StockTransfers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * The demo's plan (made at start for the coming month) through the service and the API: its stops are published as
 * events a reader finds, a breakdown moves only the broken unit's runs and re-announces them, a second plan over the
 * same days is refused, and only central staff plan.
 */
class MobileScheduleTests extends IntegrationTest {

	@Autowired
	MobileSchedule schedule;

	@Autowired
	EventSearch search;

	@Autowired
	EventCatalog events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private long demoPlan() {
		return StopMoveTests.demoPlan(schedule);
	}

	@Test
	void theStopsOfTheComingDaysArePublishedAndAReaderFindsTheBookmobileAtTheirVillage() throws Exception {
		long plan = demoPlan();
		MobileSchedule.PlanSummary summary = schedule.summary(plan);
		assertThat(summary.coverage()).isEqualTo(1.0);
		assertThat(summary.maxGapDays()).isLessThanOrEqualTo(summary.maxGapBound());
		String village = jdbc.sql("""
				select v.site_id from mobile_visit v where v.plan_id = :plan and v.event_id is not null and v.status = 'planned'
				    and v.day > :today order by v.day, v.id limit 1""").param("plan", plan).param("today", schedule.today())
			.query(String.class).single();
		String name = jdbc.sql("select name_zh from catalog_site where id = :id").param("id", village)
			.query(String.class).optional().orElse(village);
		EventSearch.Page found = search.search(new EventSearch.Query("流动图书车 " + name, null, null, null, null, null, null,
				"Asia/Shanghai", 50));
		assertThat(found.hits()).anySatisfy(hit -> {
			assertThat(hit.kind()).isEqualTo("mobile_stop");
			assertThat(hit.siteId()).isEqualTo(village);
		});
		mvc.perform(get("/sites/" + village))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString("到访")));
	}

	@Test
	void aBreakdownMovesOnlyThatUnitsRunsAndReannouncesThem() throws Exception {
		long plan = demoPlan();
		LocalDate from = schedule.today().plusDays(1), to = schedule.today().plusDays(5);
		List<Long> othersBefore = jdbc.sql("""
				select id from mobile_visit where plan_id = :plan and status = 'planned' and unit_id <> 'bookmobile-1'
				order by id""").param("plan", plan).query(Long.class).list();
		List<Long> brokenPublished = jdbc.sql("""
				select event_id from mobile_visit where plan_id = :plan and status = 'planned' and unit_id = 'bookmobile-1'
				    and day between :from and :to and event_id is not null""")
			.param("plan", plan).param("from", from).param("to", to).query(Long.class).list();

		mvc.perform(post("/api/mobile/units/bookmobile-1/breakdowns").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"reason\":\"变速箱故障\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dropped").value(0));

		List<Long> othersAfter = jdbc.sql("""
				select id from mobile_visit where plan_id = :plan and status = 'planned' and unit_id <> 'bookmobile-1'
				    and moved_from is null order by id""").param("plan", plan).query(Long.class).list();
		assertThat(othersAfter).as("every other unit's stop kept").isEqualTo(othersBefore);
		assertThat(jdbc.sql("""
				select count(*) from mobile_visit where plan_id = :plan and status = 'planned' and unit_id = 'bookmobile-1'
				    and day between :from and :to""").param("plan", plan).param("from", from).param("to", to)
			.query(Integer.class).single()).isZero();
		assertThat(brokenPublished).allSatisfy(id -> assertThat(events.find(id).orElseThrow().cancelled()).isTrue());
		assertThat(schedule.summary(plan).coverage()).isEqualTo(1.0);
	}

	@Test
	void eachServiceHasItsOwnPlanAndPriorityVillagesAreVisitedMoreOften() throws Exception {
		assertThat(schedule.services()).containsExactly(MobileService.BOOKS, MobileService.PERFORMANCE);
		MobileSchedule.PlanSummary books = schedule.summary(demoPlan());
		assertThat(books.service()).isEqualTo(MobileService.BOOKS);
		assertThat(books.priorityStops()).as("the centres of the demo's poor villages").isPositive();
		MobilePlan plan = schedule.plan(books.id());
		assertThat(plan.stopVisits()).isNotEmpty().allSatisfy((stop, visits) -> {
			assertThat(visits).isEqualTo(2);
			assertThat(plan.visitDays().get(stop)).as(stop).hasSize(2);
		});

		MobileSchedule.PlanSummary troupe = schedule.plans().stream().filter(p -> p.service() == MobileService.PERFORMANCE)
			.filter(p -> !p.to().isBefore(schedule.today())).findFirst().orElseThrow();
		assertThat(troupe.units()).isEqualTo(1);
		assertThat(troupe.stops()).as("in a month's plan the villages take turns for a twice-yearly performance")
			.isPositive().isLessThan(books.stops());
		assertThat(jdbc.sql("select distinct unit_id from mobile_visit where plan_id = :plan").param("plan", troupe.id())
			.query(String.class).list()).containsExactly("touring-troupe-1");
		schedule.publishUpcoming();
		List<Long> published = jdbc.sql("select event_id from mobile_visit where plan_id = :plan and event_id is not null")
			.param("plan", troupe.id()).query(Long.class).list();
		if (!published.isEmpty()) {
			var event = events.find(published.get(0)).orElseThrow();
			assertThat(event.title()).startsWith("送戏下乡");
			assertThat(event.category().name()).isEqualTo("PERFORMANCE");
		}

		mvc.perform(post("/api/mobile/plans").with(httpBasic("admin", "demo-admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"2027-01-01\",\"to\":\"2027-01-31\",\"service\":\"film\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("film")));
		mvc.perform(post("/api/mobile/plans").with(httpBasic("admin", "demo-admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"from\":\"2027-01-01\",\"to\":\"2027-01-31\",\"service\":\"opera\"}"))
			.andExpect(status().isBadRequest());
	}

	@Autowired
	StockTransfers transfers;

	@Test
	void theMonthlyJobPlansFromWhereTheLastPlanEndsAndOnlyOnce() {
		MobileSchedule.PlanSummary current = schedule.summary(demoPlan());
		List<MobileSchedule.PlanSummary> next = schedule.generateNext();
		LocalDate firstNext = schedule.today().withDayOfMonth(1).plusMonths(1);
		if (current.to().isBefore(firstNext.plusMonths(1).minusDays(1))) {
			assertThat(next).filteredOn(plan -> plan.service() == MobileService.BOOKS).singleElement()
				.satisfies(plan -> assertThat(plan.from())
					.isEqualTo(current.to().isBefore(firstNext) ? firstNext : current.to().plusDays(1)));
		}
		assertThat(next).extracting(MobileSchedule.PlanSummary::service).doesNotHaveDuplicates();
		assertThat(schedule.generateNext()).as("a second firing adds nothing").isEmpty();
	}

	@Test
	void aRotatingCollectionToAVillageRidesOnTheNextBookmobileStopThere() {
		long plan = demoPlan();
		var visit = jdbc.sql("""
				select site_id, unit_id, day from mobile_visit where plan_id = :plan and status = 'planned'
				    and site_id like 'baishi-%' and day > :today order by day, arrive limit 1""")
			.param("plan", plan).param("today", schedule.today())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate() })
			.single();
		String village = (String) visit[0];
		var firstVisit = schedule.nextVisit(village, schedule.today(), schedule.today().plusDays(30)).orElseThrow();
		List<String> barcodes = jdbc.sql("""
				select barcode from item i where site_id = 'baishi' and status = 'available'
				    and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				    and not exists (select 1 from transfer_item t where t.barcode = i.barcode)
				order by barcode desc limit 3""").query(String.class).list();
		var outcome = transfers.create("rotation", "baishi", village, barcodes, "rotation", true);
		assertThat(outcome.transfer().carrierUnit()).isEqualTo(firstVisit.unitId());
		assertThat(outcome.transfer().carrierDay()).isEqualTo(firstVisit.day());
		assertThat(firstVisit.day()).isAfter(schedule.today());
	}

	@Autowired
	HoldQueue holds;

	@Autowired
	HoldShelf shelf;

	@Autowired
	ReaderRegistry readers;

	@Test
	void aHoldCollectedAtABookmobileStopRidesOnTheNextVisitThere() {
		String village = jdbc.sql("""
				select site_id from mobile_visit where plan_id = :plan and status = 'planned' and day > :today
				order by day, arrive limit 1""").param("plan", demoPlan()).param("today", schedule.today())
			.query(String.class).single();
		var ride = schedule.nextVisit(village, schedule.today().minusDays(1), schedule.today().plusDays(21)).orElseThrow();
		String work = jdbc.sql("""
				select r.work_id from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where i.status = 'available' and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				group by r.work_id having count(*) = 1 order by md5(r.work_id) desc limit 1""").query(String.class).single();
		var reader = readers.register(new ReaderRegistry.Registration("村里读者",
				LocalDate.of(1970, 2, 2), "adult", village, null, false, null, null, null));
		var hold = holds.place(reader, work, null, village);
		assertThat(hold.status()).isEqualTo("allocated");
		assertThat(shelf.pullList(hold.allocatedSite())).anySatisfy(item -> {
			assertThat(item.holdId()).isEqualTo(hold.id());
			assertThat(item.carrierUnit()).isEqualTo(ride.unitId());
			assertThat(item.carrierDay()).isEqualTo(ride.day());
		});
	}

	@Test
	void aSecondPlanOverTheSameDaysIsRefusedAndOnlyCentralStaffPlan() throws Exception {
		String body = "{\"from\":\"" + schedule.today() + "\",\"to\":\"" + schedule.today().plusDays(20) + "\"}";
		mvc.perform(post("/api/mobile/plans").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/mobile/plans").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/mobile/plans/" + demoPlan()).with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.coverage.length()").value(150))
			.andExpect(jsonPath("$.summary.ratio").isNumber());
	}

}
