package org.branchlink.gateway.sip2;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.CirculationQueries;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.sip2.KioskClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every circulation message a kiosk sends, through the real server socket, lending, holds and search: the demo kiosk
 * {@code kiosk-baishi} acts for Baishi.
 */
class Sip2CirculationTests extends IntegrationTest {

	private static final DateTimeFormatter SIP2_DATE = DateTimeFormatter.ofPattern("yyyyMMdd    HHmmss");

	@Autowired
	Sip2Server server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	CatalogSearch search;

	@Autowired
	CirculationQueries queries;

	KioskFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new KioskFixtures(jdbc, readers, search);
	}

	private KioskClient kiosk() throws Exception {
		KioskClient client = new KioskClient(server.port());
		assertThat(client.login("kiosk-baishi", "demo-kiosk").fixed()).isEqualTo("1");
		return client;
	}

	@Test
	void aCheckoutIsALoanThatSearchShowsAndACheckinAtHomeShelvesIt() throws Exception {
		ItemRef copy = fixtures.freshCopies("baishi", true, 1).get(0);
		Reader reader = fixtures.reader("自助借书读者");
		try (KioskClient kiosk = kiosk()) {
			Response out = kiosk.checkout(reader.cardNumber(), copy.barcode(), KioskClient.now());
			assertThat(out.code()).isEqualTo("12");
			assertThat(out.ok()).as(out.raw()).isTrue();
			assertThat(out.fixed().substring(3, 4)).as("desensitize").isEqualTo("Y");
			assertThat(out.field("AH")).isPresent();
			assertThat(out.field("AJ").orElseThrow()).isNotBlank();
			assertThat(queries.openLoans(reader.cardNumber())).singleElement()
				.satisfies(loan -> assertThat(loan.checkoutSite()).isEqualTo("baishi"));
			Response item = kiosk.itemInformation(copy.barcode());
			assertThat(item.code()).isEqualTo("18");
			assertThat(item.fixed().substring(0, 2)).as("charged").isEqualTo("04");
			assertThat(item.field("AH")).isEqualTo(out.field("AH"));
			assertThat(item.field("BG")).contains("baishi");
		}
		fixtures.awaitInSearch(copy, "on_loan");
		try (KioskClient kiosk = kiosk()) {
			Response back = kiosk.checkin(copy.barcode(), KioskClient.now());
			assertThat(back.code()).isEqualTo("10");
			assertThat(back.ok()).as(back.raw()).isTrue();
			assertThat(back.fixed().substring(3, 4)).as("no alert: back on the shelf here").isEqualTo("N");
			assertThat(back.field("AQ")).contains("baishi");
			assertThat(kiosk.itemInformation(copy.barcode()).fixed().substring(0, 2)).isEqualTo("03");
		}
		fixtures.awaitInSearch(copy, "available");
		assertThat(queries.openLoans(reader.cardNumber())).isEmpty();
	}

	@Test
	void aCopyReturnedAwayFromHomeIsSortedToItsOwner() throws Exception {
		ItemRef copy = fixtures.freshCopies("baishi", false, 1).get(0);
		Reader reader = fixtures.reader("通还读者");
		try (KioskClient kiosk = kiosk()) {
			assertThat(kiosk.checkout(reader.cardNumber(), copy.barcode(), KioskClient.now()).ok()).isTrue();
			Response back = kiosk.checkin(copy.barcode(), KioskClient.now());
			assertThat(back.ok()).isTrue();
			assertThat(back.fixed().substring(3, 4)).as("alert").isEqualTo("Y");
			assertThat(back.field("CV")).as("send to another branch").contains("04");
			assertThat(back.field("CT")).contains(copy.siteId());
			assertThat(back.field("CL")).contains(copy.siteId());
			Response item = kiosk.itemInformation(copy.barcode());
			assertThat(item.fixed().substring(0, 2)).as("in transit").isEqualTo("10");
			assertThat(item.field("AP")).contains("baishi");
		}
		fixtures.awaitInSearch(copy, "in_transit");
	}

	@Test
	void theSameCheckoutSentAgainIsOneLoanAndOneEvent() throws Exception {
		ItemRef copy = fixtures.freshCopies("baishi", true, 1).get(0);
		Reader reader = fixtures.reader("重发读者");
		String date = KioskClient.now();
		try (KioskClient kiosk = kiosk()) {
			Response first = kiosk.checkout(reader.cardNumber(), copy.barcode(), date);
			Response again = kiosk.checkout(reader.cardNumber(), copy.barcode(), date);
			assertThat(first.ok()).isTrue();
			assertThat(again.ok()).as("answered as the first").isTrue();
			assertThat(again.field("AH")).isEqualTo(first.field("AH"));
		}
		assertThat(jdbc.sql("select count(*) from circulation_event where barcode = :b").param("b", copy.barcode())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select events from circulation_item where barcode = :b").param("b", copy.barcode())
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from loan where barcode = :b").param("b", copy.barcode())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theEventHappenedWhenTheKioskSaysInTheCountysTime() throws Exception {
		ItemRef copy = fixtures.freshCopies("baishi", true, 1).get(0);
		Reader reader = fixtures.reader("时间读者");
		LocalDateTime at = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(7).withNano(0);
		try (KioskClient kiosk = kiosk()) {
			assertThat(kiosk.checkout(reader.cardNumber(), copy.barcode(),
					at.format(SIP2_DATE)).ok()).isTrue();
		}
		assertThat(jdbc.sql("select occurred_at from circulation_event where barcode = :b").param("b", copy.barcode())
			.query(Instant.class).single()).isEqualTo(at.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
	}

	@Test
	void unknownCardsAndCopiesAreRefusedWithAReason() throws Exception {
		ItemRef copy = fixtures.freshCopies("baishi", true, 1).get(0);
		try (KioskClient kiosk = kiosk()) {
			Response noCard = kiosk.checkout("BL-NOBODY", copy.barcode(), KioskClient.now());
			assertThat(noCard.ok()).isFalse();
			assertThat(noCard.field("AF").orElseThrow()).contains("读者证");
			Response noCopy = kiosk.checkin("NO-SUCH-COPY", KioskClient.now());
			assertThat(noCopy.ok()).isFalse();
			assertThat(noCopy.field("AF").orElseThrow()).contains("条码");
			assertThat(kiosk.itemInformation("NO-SUCH-COPY").fixed().substring(0, 2)).isEqualTo("01");
		}
		assertThat(jdbc.sql("select count(*) from circulation_event where barcode = :b").param("b", copy.barcode())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void renewThenRenewAllWithinTheCategorysLimit() throws Exception {
		var copies = fixtures.freshCopies("baishi", true, 2);
		Reader reader = fixtures.reader("续借读者");
		try (KioskClient kiosk = kiosk()) {
			String due = kiosk.checkout(reader.cardNumber(), copies.get(0).barcode(), KioskClient.now()).field("AH")
				.orElseThrow();
			assertThat(kiosk.checkout(reader.cardNumber(), copies.get(1).barcode(), KioskClient.now()).ok()).isTrue();
			String date = KioskClient.now();
			Response renewed = kiosk.renew(reader.cardNumber(), copies.get(0).barcode(), date);
			assertThat(renewed.code()).isEqualTo("30");
			assertThat(renewed.ok()).as(renewed.raw()).isTrue();
			assertThat(renewed.field("AH").orElseThrow()).isGreaterThan(due);
			Response again = kiosk.renew(reader.cardNumber(), copies.get(0).barcode(), date);
			assertThat(again.ok()).as("the same renewal sent again, answered as the first").isTrue();
			assertThat(again.field("AH")).isEqualTo(renewed.field("AH"));
			// adults renew once: the first copy is refused now, the second renewed
			Response all = kiosk.renewAll(reader.cardNumber());
			assertThat(all.code()).isEqualTo("66");
			assertThat(all.fixed().substring(1, 9)).isEqualTo("00010001");
			assertThat(all.all("BM")).containsExactly(copies.get(1).barcode());
			assertThat(all.all("BN")).containsExactly(copies.get(0).barcode());
			assertThat(kiosk.renew(reader.cardNumber(), copies.get(0).barcode(),
					LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1).format(SIP2_DATE)).ok())
				.as("a new renewal over the limit").isFalse();
		}
		assertThat(queries.openLoans(reader.cardNumber())).allSatisfy(loan -> assertThat(loan.renewals()).isEqualTo(1));
	}

	@Test
	void patronStatusAndInformationOfTheDemoReader() throws Exception {
		Reader reader = readers.byUsername("reader").orElseThrow();
		int loans = queries.openLoans(reader.cardNumber()).size();
		try (KioskClient kiosk = kiosk()) {
			Response status = kiosk.patronStatus(reader.cardNumber(), "demo-reader");
			assertThat(status.code()).isEqualTo("24");
			assertThat(status.field("BL")).contains("Y");
			assertThat(status.field("CQ")).as("the password of the reader's account").contains("Y");
			assertThat(status.field("AE")).contains("演示读者");
			assertThat(kiosk.patronStatus(reader.cardNumber(), "wrong").field("CQ")).contains("N");
			assertThat(kiosk.patronStatus("BL-NOBODY", null).field("BL")).contains("N");
			Response info = kiosk.patronInformation(reader.cardNumber(), 2);
			assertThat(info.code()).isEqualTo("64");
			assertThat(Integer.parseInt(info.fixed().substring(43, 47))).as("charged items").isEqualTo(loans);
			assertThat(info.all("AU")).hasSize(loans)
				.containsExactlyInAnyOrderElementsOf(queries.openLoans(reader.cardNumber()).stream()
					.map(CirculationQueries.LoanView::barcode).toList());
			assertThat(info.field("AQ")).contains("baishi");
			assertThat(kiosk.endSession(reader.cardNumber()).fixed()).startsWith("Y");
		}
	}

	@Test
	void aHoldIsPlacedOnceAndCancelled() throws Exception {
		ItemRef copy = fixtures.freshCopies("baishi", false, 1).get(0);
		Reader holder = fixtures.reader("预约读者");
		try (KioskClient kiosk = kiosk()) {
			Response placed = kiosk.hold('+', holder.cardNumber(), copy.barcode(), 2);
			assertThat(placed.code()).isEqualTo("16");
			assertThat(placed.ok()).as(placed.raw()).isTrue();
			assertThat(placed.field("BS")).contains("baishi");
			assertThat(kiosk.hold('+', holder.cardNumber(), copy.barcode(), 2).ok()).isTrue();
			assertThat(jdbc.sql("select count(*) from hold where card = :c and closed_at is null")
				.param("c", holder.cardNumber()).query(Integer.class).single()).as("placed once").isEqualTo(1);
			assertThat(kiosk.itemInformation(copy.barcode()).field("CF")).contains("1");
			assertThat(Integer.parseInt(kiosk.patronInformation(holder.cardNumber(), 0).fixed().substring(35, 39))
					+ Integer.parseInt(kiosk.patronInformation(holder.cardNumber(), 0).fixed().substring(55, 59)))
				.as("holds ready + holds waiting").isEqualTo(1);
			assertThat(kiosk.hold('-', holder.cardNumber(), copy.barcode(), 2).ok()).isTrue();
			assertThat(kiosk.hold('-', holder.cardNumber(), copy.barcode(), 2).ok()).isFalse();
		}
		assertThat(jdbc.sql("select count(*) from hold where card = :c and closed_at is null")
			.param("c", holder.cardNumber()).query(Integer.class).single()).isZero();
	}

	@Test
	void aReturnedCopyWithAHoldForThisSiteGoesToTheHoldShelf() throws Exception {
		ItemRef copy = fixtures.freshCopies("baishi", true, 1).get(0);
		Reader borrower = fixtures.reader("借书读者");
		Reader holder = fixtures.reader("等书读者");
		try (KioskClient kiosk = kiosk()) {
			assertThat(kiosk.checkout(borrower.cardNumber(), copy.barcode(), KioskClient.now()).ok()).isTrue();
			assertThat(kiosk.hold('+', holder.cardNumber(), copy.barcode(), 3).ok()).isTrue();
			Response back = kiosk.checkin(copy.barcode(), KioskClient.now());
			assertThat(back.fixed().substring(3, 4)).as("alert").isEqualTo("Y");
			assertThat(back.field("CV")).as("hold").contains("01");
			assertThat(kiosk.itemInformation(copy.barcode()).fixed().substring(0, 2)).isEqualTo("08");
		}
	}

}
