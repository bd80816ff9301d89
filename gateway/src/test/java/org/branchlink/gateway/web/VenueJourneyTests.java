package org.branchlink.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.venue.AmateurTroupe;
import org.branchlink.gateway.venue.Troupes;
import org.branchlink.gateway.venue.Venue;
import org.branchlink.gateway.venue.VenueCalendar;
import org.branchlink.gateway.venue.Venues;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Venues in real Chromium on a phone and at a desk: a reader books a hall for their troupe (free, awaiting the site);
 * the same time again is refused beside what they typed; the page in English; the township's librarian approves it on
 * the venues desk; the troupes page registers a troupe (a name taken is refused, the form kept).
 */
class VenueJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	AccountStore accounts;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	Venues venues;

	@Autowired
	VenueCalendar calendar;

	@Autowired
	Troupes troupes;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aReaderBooksAHallForTheirTroupeAndTheLibrarianApprovesIt(int width) throws Exception {
		String username = "troupe-contact-" + width;
		accounts.save(username, "troupe-password-1", "团队联系人", Set.of(Role.READER), Set.of());
		Reader reader = readers.register(new ReaderRegistry.Registration("团队联系人", LocalDate.of(1966, 8, 9), "adult", "baishi",
				null, false, null, null, username));
		AmateurTroupe troupe = troupes.register(new Troupes.Registration("baishi", "troupe", "白石腰鼓队" + width, "腰鼓", "队长",
				reader.cardNumber()));
		Venue venue = venues.save(null, new Venues.VenueRequest("baishi", "礼堂" + width, "hall", 150, "音响、舞台", true, true, 80,
				LocalTime.of(8, 0), LocalTime.of(21, 0)));
		LocalDate day = LocalDate.now().plusDays(6);
		try (JourneyBrowser browser = JourneyBrowser.open(port, "venues", width, List.copyOf(sites.byId().keySet()))) {
			browser.go("/venues");
			assertThat(browser.text("#sign-in-to-book")).contains("登录后预约");
			browser.check("venues-anonymous");

			browser.signIn(username, "troupe-password-1");
			browser.click("#nav-venues");
			fill(browser, venue, day, troupe);
			browser.check("venues-form");
			browser.submit("#vb-submit");
			assertThat(browser.text("#notice")).isEqualTo("已提交预约，等待场馆审核。费用：0 元。");
			assertThat(browser.text("#my-bookings .my-booking")).contains("礼堂" + width).contains("待审核").contains("免费");
			browser.check("venues-booked");

			fill(browser, venue, day, troupe);
			browser.submit("#vb-submit");
			assertThat(browser.text("#refused")).isEqualTo(day + " 09:00–11:00 这个场地已被预约，请换个时间。");
			assertThat(browser.find("#vb-purpose").getAttribute("value")).isEqualTo("腰鼓排练");
			assertThat(new Select(browser.find("#vb-troupe")).getFirstSelectedOption().getAttribute("value"))
				.isEqualTo(String.valueOf(troupe.id()));
			browser.check("venues-refused");

			browser.go("/venues?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Rooms and halls to book");
			assertThat(browser.text("#my-bookings .my-booking")).contains("Awaiting approval");
			browser.check("venues-english");
			browser.go("/venues?lang=zh-CN");

			browser.submit("form[action$='/logout'] button");
			browser.signIn("librarian", "demo-librarian");
			browser.click("#nav-staff");
			browser.submit("#nav-venues-manage");
			long id = calendar.ofReader(reader.id()).get(0).id();
			assertThat(browser.text("#awaiting-" + id)).contains("白石腰鼓队" + width);
			browser.check("venues-desk");
			browser.submit("#approve-" + id);
			assertThat(browser.text("#notice")).isEqualTo("已通过预约。");
			assertThat(browser.text("#coming-" + id + " .status")).isEqualTo("已确认");

			browser.go("/troupes");
			new Select(browser.find("#t-site")).selectByValue("baishi");
			browser.type("#t-name", troupe.name());
			browser.type("#t-genre", "腰鼓");
			browser.type("#t-leader", "另一位队长");
			browser.submit("#t-submit");
			assertThat(browser.text("#refused")).isEqualTo("已有名为“" + troupe.name() + "”的团队。");
			assertThat(browser.find("#t-leader").getAttribute("value")).isEqualTo("另一位队长");
			browser.type("#t-name", "白石书画社" + width);
			browser.submit("#t-submit");
			assertThat(browser.text("#notice")).isEqualTo("团队已登记。");
			browser.check("troupes");
			browser.go("/venues/manage?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Venues desk");
			browser.check("venues-desk-english");
			browser.go("/troupes?lang=en");
			assertThat(browser.text("h1")).isEqualTo("Troupes and teams");
			browser.check("troupes-english");
			browser.go("/troupes?lang=zh-CN");

			// central staff: the county's queue, and the week and venues of the site they choose
			browser.submit("form[action$='/logout'] button");
			browser.signIn("admin", "demo-admin");
			browser.go("/venues/manage");
			assertThat(browser.text("#coming .choose-site")).isEqualTo("请选择一个站点，查看它近 7 天的预约和它的场地。");
			browser.check("venues-desk-central");
			new Select(browser.find("#vm-site")).selectByValue("baishi");
			browser.submit("#vm-site-submit");
			assertThat(browser.text("#coming-" + id + " .status")).isEqualTo("已确认");
			assertThat(new Select(browser.find("#vm-site")).getFirstSelectedOption().getAttribute("value")).isEqualTo("baishi");
			browser.check("venues-desk-central-site");
			browser.go("/venues/manage?lang=en");
			assertThat(browser.text("#coming .choose-site")).isEqualTo("Choose a site to see its bookings of the coming 7 days and its venues.");
			assertThat(new Select(browser.find("#vm-site")).getFirstSelectedOption().getText()).isEqualTo("— choose a site —");
			browser.check("venues-desk-central-english");
			browser.go("/venues/manage?lang=zh-CN");
		}
	}

	private static void fill(JourneyBrowser browser, Venue venue, LocalDate day, AmateurTroupe troupe) {
		new Select(browser.find("#vb-venue")).selectByValue(String.valueOf(venue.id()));
		JavascriptExecutor script = (JavascriptExecutor) browser.driver();
		script.executeScript("arguments[0].value = arguments[1];", browser.find("#vb-day"), day.toString());
		script.executeScript("arguments[0].value = '09:00';", browser.find("#vb-from"));
		script.executeScript("arguments[0].value = '11:00';", browser.find("#vb-until"));
		browser.type("#vb-attendees", "30");
		browser.type("#vb-purpose", "腰鼓排练");
		new Select(browser.find("#vb-troupe")).selectByValue(String.valueOf(troupe.id()));
	}

}
