package org.branchlink.gateway.circulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.ItemRef;
import org.branchlink.catalog.SearchPage.Holding;
import org.branchlink.catalog.SearchPage.WorkHit;
import org.branchlink.catalog.SearchRequest;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.ingest.WorkCopies;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationBatch;
import org.branchlink.sync.circulation.CirculationAction;
import org.branchlink.sync.circulation.IntakeReport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.branchlink.gateway.circulation.LendingFixtures.event;

/**
 * Lending through the real route, database and Solr: borrow anywhere, return anywhere, the conflict rules, late events,
 * anonymisation, and what search shows.
 */
class CirculationTests extends IntegrationTest {

	@Autowired
	LendingDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	CatalogSearch search;

	@Autowired
	WorkStore store;

	@Autowired
	WorkCopies copies;

	@Autowired
	CirculationQueries queries;

	@Autowired
	CirculationSweep sweep;

	@Autowired
	CirculationLedger ledger;

	@Autowired
	CopyHolds copyHolds;

	@Autowired
	MockMvc mvc;

	LendingFixtures fixtures;

	final Instant t0 = Instant.now().minus(Duration.ofDays(3));

	@BeforeEach
	void fixtures() {
		fixtures = new LendingFixtures(jdbc, readers);
	}

	private IntakeReport send(String site, CirculationEvent... events) {
		return desk.submit(new CirculationBatch(site, "test", List.of(events), List.of()));
	}

	private Holding holding(ItemRef item) {
		return search.work(item.workId()).orElseThrow().holdings().stream()
			.filter(h -> h.barcode().equals(item.barcode())).findFirst().orElseThrow();
	}

	private void awaitInSearch(ItemRef item, String status, String at, String destination) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Holding h = holding(item);
			assertThat(h.status()).isEqualTo(status);
			assertThat(h.atSite()).isEqualTo(at);
			assertThat(h.destination()).isEqualTo(destination);
		});
	}

	@Test
	void borrowInOneVillageReturnInAnotherGoesHomeInTransitAndIsAvailableOnReceipt() throws Exception {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		String other = copy.siteId().equals("baishi") ? "central-library" : "baishi";
		IntakeReport out = send(other, event(other, "e1", CirculationAction.CHECKOUT, t0, copy.barcode(), reader.cardNumber()));
		assertThat(out.accepted()).isEqualTo(1);
		assertThat(out.applied()).isEqualTo(1);
		awaitInSearch(copy, "on_loan", null, null);
		assertThat(queries.openLoans(reader.cardNumber())).singleElement()
			.satisfies(loan -> assertThat(loan.checkoutSite()).isEqualTo(other));

		send(other, event(other, "e2", CirculationAction.CHECKIN, t0.plusSeconds(3600), copy.barcode(), null));
		awaitInSearch(copy, "in_transit", other, copy.siteId());
		mvc.perform(MockMvcRequestBuilders.get("/works/" + copy.workId()))
			.andExpect(MockMvcResultMatchers.content()
				.string(Matchers.containsString("运往")));
		assertThat(queries.openLoans(reader.cardNumber())).isEmpty();

		send(copy.siteId(), event(copy.siteId(), "r1", CirculationAction.RECEIVE, t0.plusSeconds(7200), copy.barcode(), null));
		awaitInSearch(copy, "available", null, null);
		assertThat(search.work(copy.workId()).orElseThrow().available()).isPositive();
	}

	/**
	 * The availability indexer reads only the works' copies ({@code WorkCopies}); what it builds from them is
	 * what the full records give (the demo county's works, some of their copies lent, moved and in transit).
	 */
	@Test
	void theIndexersLightReadOfCopiesGivesTheAvailabilityTheFullRecordsGive() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		String other = copy.siteId().equals("baishi") ? "central-library" : "baishi";
		send(other, event(other, "light-1", CirculationAction.CHECKOUT, t0, copy.barcode(), reader.cardNumber()));
		send(other, event(other, "light-2", CirculationAction.CHECKIN, t0.plusSeconds(60), copy.barcode(), null));
		List<String> works = jdbc.sql("select distinct work_id from bib_record order by work_id limit 300").query(String.class)
			.list();
		List<String> checked = new ArrayList<>(works);
		checked.add(copy.workId());
		Map<String, List<WorkStore.HeldRecord>> full = store.load(checked);
		Map<String, List<WorkStore.HeldCopies>> light = copies.load(checked);
		assertThat(light.keySet()).isEqualTo(full.keySet());
		Map<String, WorkStore.HoldingSite> sites = store.sites();
		full.forEach((work, records) -> assertThat(WorkDocuments.availabilityOfCopies(light.get(work), sites)).as(work)
			.isEqualTo(WorkDocuments.availability(records, sites)));
		assertThat(WorkDocuments.availabilityOfCopies(light.get(copy.workId()), sites).holdings())
			.anySatisfy(line -> assertThat(line).contains(copy.barcode() + "\t").contains("in_transit"));
	}

	/**
	 * The "on a shelf now" filter follows loans too, through the work's flag (sent apart from the holdings, at most once
	 * a second): lending every copy of a work on the shelf moves it to "not on a shelf", a return moves it back.
	 */
	@Test
	void theOnAShelfFilterFollowsTheLastCopyLentAndTheFirstReturned() {
		ItemRef first = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		String title = search.work(first.workId()).orElseThrow().title();
		List<Holding> onShelf = search.work(first.workId()).orElseThrow().holdings().stream()
			.filter(h -> h.status().equals("available") && h.atSite() == null).toList();
		assertThat(onShelf).isNotEmpty();
		awaitOnShelf(title, first.workId(), true);
		int n = 0;
		for (Holding h : onShelf) {
			n++;
			send(h.siteId(), event(h.siteId(), "shelf-out-" + n, CirculationAction.CHECKOUT, t0.plusSeconds(n), h.barcode(),
					reader.cardNumber()));
		}
		awaitOnShelf(title, first.workId(), false);
		Holding back = onShelf.get(0);
		send(back.siteId(), event(back.siteId(), "shelf-in", CirculationAction.CHECKIN, t0.plusSeconds(3600), back.barcode(),
				null));
		awaitOnShelf(title, first.workId(), true);
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from shelf_flag_outbox")
			.query(Integer.class).single() == 0);
	}

	private void awaitOnShelf(String title, String workId, boolean onShelf) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (boolean value : List.of(true, false)) {
				List<String> found = search.search(new SearchRequest(title, Map.of("available", List.of(String.valueOf(value))),
						null, null, null, null, 0, 100)).works().stream().map(WorkHit::id).toList();
				assertThat(found.contains(workId)).as("on a shelf = " + value).isEqualTo(value == onShelf);
			}
		});
	}

	@Test
	void aCopyOfAFloatingCollectionStaysWhereItIsReturned() {
		ItemRef copy = fixtures.freshCopies("city_study_room", 1).get(0);
		Reader reader = fixtures.reader(false);
		send(copy.siteId(), event(copy.siteId(), "f1", CirculationAction.CHECKOUT, t0, copy.barcode(), reader.cardNumber()));
		send("baishi", event("baishi", "f2", CirculationAction.CHECKIN, t0.plusSeconds(60), copy.barcode(), null));
		awaitInSearch(copy, "available", "baishi", null);
	}

	/**
	 * A one-event batch is stored and applied in one transaction, applying in a savepoint: when applying fails (here a
	 * trigger refuses the copy's new state) the event is still stored, unapplied, and the sweep applies it later.
	 */
	@Test
	void aSingleEventThatFailsToApplyStaysStoredAndTheSweepAppliesItLater() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		jdbc.sql("""
				create function refuse_one_copy() returns trigger language plpgsql as $$
				begin
					if new.barcode = '%s' then raise exception 'the disk is full'; end if;
					return new;
				end $$""".formatted(copy.barcode())).update();
		jdbc.sql("create trigger refuse_one_copy before update on circulation_item for each row execute function refuse_one_copy()")
			.update();
		IntakeReport report;
		try {
			report = send(copy.siteId(), event(copy.siteId(), "save-1", CirculationAction.CHECKOUT, t0, copy.barcode(),
					reader.cardNumber()));
		}
		finally {
			jdbc.sql("drop trigger refuse_one_copy on circulation_item").update();
			jdbc.sql("drop function refuse_one_copy()").update();
		}
		assertThat(report.accepted()).isEqualTo(1);
		assertThat(report.applied()).isZero();
		assertThat(jdbc.sql("select applied_at is null from circulation_event where event_id = 'save-1'")
			.query(Boolean.class).single()).isTrue();
		assertThat(queries.openLoans(reader.cardNumber())).isEmpty();

		// the sweep takes events stored over a second ago (not to race with their own request)
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			ledger.sweep();
			return jdbc.sql("select applied_at is not null from circulation_event where event_id = 'save-1'")
				.query(Boolean.class).single();
		});
		assertThat(queries.openLoans(reader.cardNumber())).singleElement()
			.satisfies(loan -> assertThat(loan.barcode()).isEqualTo(copy.barcode()));
		awaitInSearch(copy, "on_loan", null, null);
	}

	@Test
	void theSameEventTwiceIsOneEvent() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		CirculationEvent checkout = event("baishi", "dup-1", CirculationAction.CHECKOUT, t0, copy.barcode(), reader.cardNumber());
		assertThat(send("baishi", checkout).accepted()).isEqualTo(1);
		IntakeReport again = send("baishi", checkout, checkout);
		assertThat(again.accepted()).isZero();
		assertThat(again.duplicates()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from loan where barcode = :b").param("b", copy.barcode())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void badEventsAreRefusedWithAReasonAndTheRestOfTheBatchIsTaken() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		IntakeReport report = send("baishi",
				event("baishi", "ok-1", CirculationAction.CHECKIN, t0, copy.barcode(), null),
				event("baishi", "bad-1", CirculationAction.CHECKOUT, t0, copy.barcode(), null),
				event("baishi", "bad-2", CirculationAction.CHECKIN, Instant.now().plus(Duration.ofDays(2)), copy.barcode(), null),
				event("baishi", "", CirculationAction.CHECKIN, t0, copy.barcode(), null));
		assertThat(report.accepted()).isEqualTo(1);
		assertThat(report.rejected()).isEqualTo(3);
		assertThat(report.rejections()).extracting(r -> r.position()).containsExactly("event 2", "event 3", "event 4");
		assertThat(report.rejections().get(0).reason()).isEqualTo("a checkout needs the reader's card number");
		assertThat(report.rejections().get(1).reason()).endsWith("is in the future");
		assertThat(report.rejections().get(2).reason()).isEqualTo("no event id");
	}

	@Test
	void aCheckoutOfACopyStillOnLoanClosesTheEarlierLoanAndIsListed() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader first = fixtures.reader(false);
		Reader second = fixtures.reader(false);
		send("baishi", event("baishi", "c1", CirculationAction.CHECKOUT, t0, copy.barcode(), first.cardNumber()));
		IntakeReport report = send("baishi",
				event("baishi", "c2", CirculationAction.CHECKOUT, t0.plusSeconds(60), copy.barcode(), second.cardNumber()));
		assertThat(report.conflicts()).isEqualTo(1);
		assertThat(queries.openLoans(first.cardNumber())).isEmpty();
		assertThat(queries.openLoans(second.cardNumber())).hasSize(1);
		assertThat(queries.openConflicts(List.of("baishi"), 500)).anySatisfy(c -> {
			assertThat(c.barcode()).isEqualTo(copy.barcode());
			assertThat(c.kind()).isEqualTo(ConflictKind.CHECKOUT_WHILE_ON_LOAN);
		});
		// a checkin naming a card other than the borrower's still ends the loan, and is listed
		IntakeReport checkin = send("baishi", new CirculationEvent("baishi", "c3", CirculationAction.CHECKIN, t0.plusSeconds(120),
				copy.barcode(), null, first.cardNumber(), null, null));
		assertThat(checkin.conflicts()).isEqualTo(1);
		assertThat(queries.openLoans(second.cardNumber())).isEmpty();
	}

	@Test
	void anUnknownBarcodeIsKeptListedAndAppliedOnRetryOnceCatalogued() {
		IntakeReport report = send("baishi", event("baishi", "u1", CirculationAction.CHECKIN, t0, "NO-SUCH-BARCODE", null));
		assertThat(report.accepted()).isEqualTo(1);
		assertThat(report.applied()).isZero();
		assertThat(report.conflicts()).isEqualTo(1);
		assertThat(queries.openConflicts(List.of("baishi"), 500))
			.anySatisfy(c -> assertThat(c.kind()).isEqualTo(ConflictKind.UNKNOWN_ITEM));
		assertThat(jdbc.sql("select outcome from circulation_event where site_id = 'baishi' and event_id = 'u1'")
			.query(String.class).single()).isEqualTo("unknown_item");
	}

	@Test
	void aCopySetAsideForAHoldAndCheckedOutToSomeoneElseIsAConflictAndTheCheckoutStands() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		send("baishi", event("baishi", "h0", CirculationAction.CHECKIN, t0, copy.barcode(), null));
		copyHolds.allocate(copy, 42_000_000L, "baishi", "someone-else", t0);
		IntakeReport report = send("baishi",
				event("baishi", "h1", CirculationAction.CHECKOUT, t0.plusSeconds(10), copy.barcode(), reader.cardNumber()));
		assertThat(report.conflicts()).isEqualTo(1);
		assertThat(queries.openLoans(reader.cardNumber())).hasSize(1);
		assertThat(jdbc.sql("select held_for from circulation_item where barcode = :b").param("b", copy.barcode())
			.query(String.class).optional()).isEmpty();
	}

	@Test
	void aLateEventNeverOverwritesNewerStateItsHistoryIsReplayed() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		String home = copy.siteId();
		// the checkin (later) arrives before the checkout (earlier), as from an offline site
		send(home, event(home, "l2", CirculationAction.CHECKIN, t0.plusSeconds(3600), copy.barcode(), null));
		IntakeReport late = send(home, event(home, "l1", CirculationAction.CHECKOUT, t0, copy.barcode(), reader.cardNumber()));
		assertThat(late.reordered()).isEqualTo(1);
		awaitInSearch(copy, "available", null, null);
		Map<String, Object> loan = jdbc.sql("select * from loan where barcode = :b").param("b", copy.barcode())
			.query().singleRow();
		assertThat(loan.get("returned_at")).isNotNull();
		assertThat(loan.get("card")).as("anonymised at return").isNull();
	}

	@Test
	void loanHistoryIsAnonymisedAtReturnUnlessTheReaderOptedIn() {
		List<ItemRef> copies = fixtures.freshCopies("township_station", 2);
		Reader keeps = fixtures.reader(true);
		Reader forgets = fixtures.reader(false);
		String site = "baishi";
		send(site, event(site, "a1", CirculationAction.CHECKOUT, t0, copies.get(0).barcode(), keeps.cardNumber()),
				event(site, "a2", CirculationAction.CHECKOUT, t0, copies.get(1).barcode(), forgets.cardNumber()),
				event(site, "a3", CirculationAction.CHECKIN, t0.plusSeconds(60), copies.get(0).barcode(), null),
				event(site, "a4", CirculationAction.CHECKIN, t0.plusSeconds(60), copies.get(1).barcode(), null));
		assertThat(queries.history(keeps.cardNumber())).hasSize(1);
		assertThat(queries.history(forgets.cardNumber())).isEmpty();
		assertThat(jdbc.sql("select count(*) from circulation_event where card = :c").param("c", forgets.cardNumber())
			.query(Integer.class).single()).as("kept for replaying late events").isEqualTo(1);
		jdbc.sql("update circulation_event set occurred_at = occurred_at - interval '40 days' where card = :c")
			.param("c", forgets.cardNumber()).update();
		sweep.forgetCards();
		assertThat(jdbc.sql("select count(*) from circulation_event where card = :c").param("c", forgets.cardNumber())
			.query(Integer.class).single()).as("gone from the journal after 30 days").isZero();
		assertThat(jdbc.sql("select count(*) from circulation_event where card = :c").param("c", keeps.cardNumber())
			.query(Integer.class).single()).as("kept for a reader who keeps history").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from loan where barcode = :b and card is null")
			.param("b", copies.get(1).barcode()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void renewalExtendsTheDueDateWithinTheCategoryLimit() {
		ItemRef copy = fixtures.freshCopies("township_station", 1).get(0);
		Reader reader = fixtures.reader(false);
		desk.checkout("baishi", reader.cardNumber(), copy.barcode());
		var loan = queries.openLoans(reader.cardNumber()).get(0);
		desk.renew(reader, loan.id());
		var renewed = queries.openLoans(reader.cardNumber()).get(0);
		assertThat(renewed.renewals()).isEqualTo(1);
		assertThat(renewed.dueAt()).isAfter(loan.dueAt());
		Assertions.assertThatThrownBy(() -> desk.renew(reader, loan.id()))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("limit");
	}

	@Test
	void theDeskRefusesAnUnknownCardAndTheLoanLimit() {
		List<ItemRef> copies = fixtures.freshCopies("township_station", 11);
		Reader reader = fixtures.reader(false);
		Assertions.assertThatThrownBy(() -> desk.checkout("baishi", "BL000", copies.get(0).barcode()))
			.isInstanceOf(IllegalArgumentException.class);
		for (int i = 0; i < 10; i++) {
			desk.checkout("baishi", reader.cardNumber(), copies.get(i).barcode());
		}
		Assertions.assertThatThrownBy(() -> desk.checkout("baishi", reader.cardNumber(),
				copies.get(10).barcode())).hasMessageContaining("limit");
	}

}
