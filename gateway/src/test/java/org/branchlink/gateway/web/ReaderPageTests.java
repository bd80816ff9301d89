package org.branchlink.gateway.web;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.branchlink.catalog.ItemRef;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.holds.PickupSites;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.survey.Surveys;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's own pages in real Chromium, on a phone and at a desk: my loans (renew one and all, a worded refusal per
 * loan, due-soon marks, the reading-history switch), and holds (reserve from the result list with the pickup select on
 * the home site, a second hold refused, queue place, pause and resume, cancel after a confirmation, pick-up-by date).
 * Events: category tabs, places and deadline, register and cancel (after a confirmation) with their messages, my
 * registrations, and the mobile-service timetable per village. A survey invitation link (questions at once, thanks, a
 * used or unknown invitation worded), the error page (404, 403), the e-card with its barcode, and 说需求. Each journey has its own reader with fresh loans, so
 * the demo reader's loans stay as other tests expect them.
 */
class ReaderPageTests extends IntegrationTest {

	private static final String PASSWORD = "journey-reader-pass";

	private static final String HOME = "baishi";

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	LendingDesk desk;

	@Autowired
	HoldQueue holds;

	@Autowired
	PickupSites pickup;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventCatalog catalog;

	@Autowired
	Surveys surveys;

	private JourneyBrowser open(String journey, int width) throws Exception {
		return JourneyBrowser.open(port, journey, width, List.copyOf(sites.byId().keySet()));
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderRenewsLoansOneByOneAndAllAndChoosesToKeepTheirHistory(int width) throws Exception {
		Reader reader = newReader("loans-" + width);
		List<ItemRef> copies = freshCopies(2);
		copies.forEach(copy -> desk.checkout(HOME, reader.cardNumber(), copy.barcode()));
		// another reader waits for the first copy: it may not be renewed; the second is due tomorrow
		holds.place(readers.register(registration(null)), copies.get(0).workId(), copies.get(0), HOME);
		jdbc.sql("update loan set due_at = :due where card = :card and barcode = :barcode")
			.param("due", Timestamp.from(Instant.now().plus(Duration.ofHours(30))))
			.param("card", reader.cardNumber())
			.param("barcode", copies.get(1).barcode())
			.update();

		try (JourneyBrowser browser = open("reader-loans", width)) {
			browser.signIn("loans-" + width, PASSWORD);
			browser.go("/my/loans");
			assertThat(browser.all("#loans tr.loan")).hasSize(2);
			assertThat(browser.all("#loans .due-soon")).as("the loan due tomorrow is marked").hasSize(1);
			assertThat(browser.find("#keep-history").isSelected()).isFalse();
			assertThat(browser.all("#history")).as("no history while it is not kept").isEmpty();
			browser.check("my-loans");

			browser.click("#renew-all");
			browser.find("#outcomes");
			assertThat(browser.all("#outcomes .outcome.renewed")).hasSize(1);
			assertThat(browser.text("#outcomes .outcome.refused")).contains("排队");
			assertThat(browser.text("#notice")).contains("1").contains("2");
			browser.check("my-loans-renewed-all");

			browser.submit("#loans tr.loan .renew");
			assertThat(browser.text("#refused")).as("each renewal now refused, worded").isNotBlank();
			browser.check("my-loans-refused");

			browser.click("#keep-history");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
			assertThat(browser.find("#keep-history").isSelected()).isTrue();
			assertThat(browser.text("#notice")).contains("借阅历史");
			browser.check("my-loans-history-kept");

			browser.click("#switch-language");
			browser.find("#history-choice");
			assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
			assertThat(browser.text("#history-heading")).isEqualTo("Reading history");
			browser.check("my-loans-english");
			browser.go("/my/holds");
			browser.check("my-holds-english");
			browser.go("/events?tab=mobile");
			browser.check("events-mobile-english");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderReservesFromTheResultsThenFollowsPausesAndCancelsTheirHolds(int width) throws Exception {
		Reader reader = newReader("holds-" + width);
		List<ItemRef> copies = freshCopies(2);
		ItemRef lent = copies.get(0);
		desk.checkout(HOME, readers.register(registration(null)).cardNumber(), lent.barcode());
		long waiting = holds.place(reader, lent.workId(), lent, HOME).id();
		HoldQueue.HoldView onShelf = holds.place(reader, copies.get(1).workId(), null, HOME);

		try (JourneyBrowser browser = open("reader-holds", width)) {
			browser.signIn("holds-" + width, PASSWORD);
			browser.go("/search?q=%E5%8E%86%E5%8F%B2");
			browser.click("#results .reserve-link");
			browser.find("#reserve-form");
			Select select = new Select(browser.find("#pickupSite"));
			assertThat(select.getFirstSelectedOption().getAttribute("value")).isEqualTo(pickup.defaultFor(HOME));
			assertThat(browser.all("#pickupSite optgroup").size()).as("grouped by township").isGreaterThan(1);
			browser.check("work");
			String work = browser.driver().getCurrentUrl().replaceFirst("#.*", "");

			browser.submit("#reserve");
			assertThat(browser.text("#notice")).startsWith("已预约");
			browser.check("my-holds");

			browser.driver().get(work);
			browser.submit("#reserve");
			assertThat(browser.text("#refused")).contains("已经预约");
			browser.check("my-holds-duplicate");

			String mine = "article[data-hold='" + waiting + "']";
			assertThat(browser.text(mine + " .place")).matches("第 \\d+ 位");
			browser.submit(mine + " .suspend");
			assertThat(browser.text("#notice")).contains("暂停");
			browser.find(mine + " .suspended");
			browser.check("my-holds-paused");
			browser.submit(mine + " .resume");
			assertThat(browser.text("#notice")).contains("恢复");

			browser.click(mine + " .cancel");
			browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "取消"));
			assertThat(browser.all(mine)).isEmpty();

			assertThat(onShelf.status()).isEqualTo("allocated");
			holds.inTransit(onShelf.id());
			holds.ready(onShelf.id(), HOME);
			browser.go("/my/holds");
			assertThat(browser.text("article[data-hold='" + onShelf.id() + "'] .pick-up-by")).matches("\\d{4}-\\d{2}-\\d{2}");
			browser.check("my-holds-ready");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderBrowsesEventsByTabRegistersCancelsAndFindsTheMobileTimetable(int width) throws Exception {
		newReader("events-" + width);
		Instant starts = Instant.now().plus(Duration.ofDays(3));
		long event = catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, HOME, "journey-" + width, "", 0,
				CulturalEvent.Kind.EVENT, EventCategory.TRAINING, "剪纸体验课", "学剪一幅窗花，材料由站里准备。", HOME, "二楼活动室",
				starts, starts.plus(Duration.ofHours(2)), 5, Set.of(), true, BigDecimal.ZERO, false)).event().id();

		try (JourneyBrowser browser = open("reader-events", width)) {
			browser.signIn("events-" + width, PASSWORD);
			browser.go("/events");
			browser.find("#tab-all.active");
			browser.check("events");
			browser.click("#tab-training");
			browser.find("#tab-training.active");
			assertThat(browser.driver().getCurrentUrl()).contains("category=training");
			browser.check("events-training");

			browser.go("/events/" + event);
			assertThat(browser.text("#places")).contains("5");
			browser.find("#deadline");
			browser.submit("#register");
			assertThat(browser.text("#notice")).contains("报名成功");
			assertThat(browser.text("#my-state")).isEqualTo("已报名");
			browser.check("event-registered");

			browser.click("#cancel-registration");
			browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
			browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已取消报名"));
			browser.find("#register");
			browser.click("#register");
			browser.find("#my-state");

			browser.go("/my/registrations");
			assertThat(browser.text("#registrations tr[data-event='" + event + "'] .status")).isEqualTo("已报名");
			browser.check("my-registrations");

			browser.go("/events?tab=mobile");
			browser.find("#tab-mobile.active");
			browser.find("#mobile-timetable");
			assertThat(browser.all("#mobile-timetable .village")).as("the demo county's published stops").isNotEmpty();
			browser.check("events-mobile");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void anInvitationLinkOpensTheQuestionsAndErrorsAreWorded(int width) throws Exception {
		long survey = (Long) surveys.list().get(0)[0];
		List<String> open = surveys.tokens(survey).stream()
			.filter(token -> !surveys.invitation(token).orElseThrow().answered())
			.limit(2)
			.toList();
		String token = open.get(width < 600 ? 0 : 1);

		try (JourneyBrowser browser = open("reader-survey", width)) {
			browser.go("/survey/" + token);
			assertThat(browser.all("#survey-form fieldset legend")).as("one labelled group per scale question").hasSizeGreaterThan(3);
			browser.check("survey");
			browser.click("label[for='q-overall-5']");
			browser.click("label[for='q-books-4']");
			browser.type("#q-needs", "多一些少儿绘本");
			browser.click("#survey-submit");
			browser.find("#thanks");
			assertThat(browser.text("#notice")).contains("感谢");
			browser.check("survey-thanks");

			browser.go("/survey/" + token);
			browser.find("#answered");
			browser.check("survey-answered");
			browser.go("/survey/no-such-invitation");
			assertThat(browser.text("#refused")).contains("邀请码");
			browser.check("survey-unknown");
			browser.go("/survey");
			browser.find("#token-form");
			browser.check("survey-code");

			browser.go("/works/no-such-work");
			assertThat(browser.text("#error-heading")).isEqualTo("页面不存在");
			browser.check("error-404");
			browser.signIn("reader", "demo-reader");
			browser.go("/circulation");
			assertThat(browser.text("#error-heading")).isEqualTo("没有权限");
			browser.check("error-403");
		}
		assertThat(surveys.invitation(token).orElseThrow().answered()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderOpensTheirECardFromTheHomeShortcuts(int width) throws Exception {
		try (JourneyBrowser browser = open("reader-card", width)) {
			browser.signIn("reader", "demo-reader");
			browser.go("/");
			browser.click("#shortcut-card");
			browser.find("#barcode");
			browser.waiting().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
				.executeScript("const i = document.getElementById('barcode'); return i.complete && i.naturalWidth > 0;")));
			assertThat(browser.text("#card-number")).isEqualTo(readers.byUsername("reader").orElseThrow().cardNumber());
			assertThat(browser.driver().getCurrentUrl()).endsWith("/my/card");
			browser.check("my-card");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aResidentTellsTheirNeedAndGetsAReference(int width) throws Exception {
		try (JourneyBrowser browser = open("reader-demand", width)) {
			browser.go("/");
			browser.click("#shortcuts a[href$='/demand']");
			browser.find("#demand-form");
			browser.check("demand");
			browser.type("#demand-body", "希望村里的流动书车每月多来一次");
			new Select(browser.find("#demand-site")).selectByValue(HOME);
			browser.click("#demand-submit");
			assertThat(browser.text("#reference")).contains("编号");
			browser.check("demand-received");
		}
	}

	private Reader newReader(String username) {
		accounts.save(username, PASSWORD, "旅程读者", Set.of(Role.READER), Set.of());
		return readers.register(registration(username));
	}

	private static ReaderRegistry.Registration registration(String username) {
		return new ReaderRegistry.Registration("旅程读者", LocalDate.of(1988, 3, 4), "adult", HOME, null, false, null, null,
				username);
	}

	/** Copies of the home site, each of another work, that never circulated and whose barcode no other site uses. */
	private List<ItemRef> freshCopies(int n) {
		Set<String> works = new HashSet<>();
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id from item i
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				where i.site_id = :site and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				order by md5(i.barcode) limit :n""")
			.param("site", HOME)
			.param("n", 10 * n)
			.query((rs, row) -> new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list()
			.stream()
			.filter(copy -> works.add(copy.workId()))
			.limit(n)
			.toList();
	}

}
