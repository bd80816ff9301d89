package org.branchlink.gateway.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A librarian's journeys in real Chromium, on a phone and at a desk, for Baishi (白石镇): the desk worked from the
 * keyboard alone (a scanner types and presses Enter), with its reader panel, refusals beside their field and the
 * check-in alerts and their slips. Every page passes {@link JourneyBrowser#check(String)}.
 */
class LibrarianJourneyTests extends IntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	SiteDirectory sites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	LendingDesk desk;

	@Autowired
	HoldQueue holds;

	private JourneyBrowser open(String journey, int width) throws Exception {
		return JourneyBrowser.open(port, journey, width, List.copyOf(sites.byId().keySet()));
	}

	private Reader reader(String name) {
		return readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1979, 5, 6), "adult", "baishi", null,
				false, null, null, null));
	}

	/** Copies of a site that never circulated and no one waits for (of works with no other copy when {@code alone}). */
	private List<String[]> freshCopies(String site, int n, boolean alone) {
		return jdbc.sql("""
				select r.work_id, i.barcode from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where i.site_id = :site and i.status = 'available'
				  and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				  and (not :alone or r.work_id in (select r2.work_id from bib_record r2 join item i2 on i2.site_id = r2.site_id
				      and i2.record_id = r2.record_id group by r2.work_id having count(*) = 1))
				  and not exists (select 1 from transfer_item t where t.barcode = i.barcode)
				order by md5(i.barcode || :site) limit :n""")
			.param("site", site)
			.param("alone", alone)
			.param("n", n)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	private String focused(JourneyBrowser browser) {
		return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id;");
	}

	private void waitForText(JourneyBrowser browser, String css, String text) {
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
	}

	/** What a scanner does: types the code and presses Enter. */
	private void scan(JourneyBrowser browser, String field, String code) {
		browser.type(field, code);
		browser.find(field).sendKeys(Keys.ENTER);
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aLibrarianLendsARunOfCopiesAndChecksInWithAlerts(int width) throws Exception {
		List<String[]> mine = new ArrayList<>(freshCopies("baishi", 5, false));
		List<String[]> central = freshCopies("central-library", 2, true);
		String[] fromCentral = central.get(0);
		mine.set(3, central.get(1));
		Reader borrower = reader("柜台借书人");
		Reader other = reader("另一位读者");
		Reader waiting = reader("欧阳候书");
		desk.checkout("baishi", other.cardNumber(), mine.get(2)[1]);
		desk.checkout("baishi", other.cardNumber(), fromCentral[1]);
		desk.checkout("baishi", other.cardNumber(), mine.get(3)[1]);
		holds.place(waiting, mine.get(3)[0], null, "baishi");

		try (JourneyBrowser browser = open("librarian-desk", width)) {
			browser.signIn("librarian", "demo-librarian");
			browser.go("/circulation?site=baishi");
			browser.find("#reader-form");
			assertThat(focused(browser)).as("the card field waits for the scan").isEqualTo("card");
			browser.check("desk");

			scan(browser, "#card", borrower.cardNumber());
			browser.find("#reader-panel");
			assertThat(browser.text("#panel-name")).isEqualTo("柜台借书人");
			assertThat(focused(browser)).isEqualTo("checkout-barcode");
			browser.check("desk-reader");

			scan(browser, "#checkout-barcode", mine.get(0)[1]);
			waitForText(browser, "#panel-loans", mine.get(0)[1]);
			scan(browser, "#checkout-barcode", mine.get(1)[1]);
			waitForText(browser, "#panel-loans", mine.get(1)[1]);
			assertThat(browser.text("#notice")).contains(mine.get(1)[1]);
			assertThat(browser.text("#panel-loans")).as("both loans in the panel")
				.contains(mine.get(0)[1]).contains(mine.get(1)[1]);
			assertThat(browser.text("#panel-name")).as("the reader stays").isEqualTo("柜台借书人");
			assertThat(focused(browser)).isEqualTo("checkout-barcode");
			browser.check("desk-loans");

			scan(browser, "#checkout-barcode", mine.get(2)[1]);
			assertThat(browser.text("#checkout-error")).contains("仍借给另一位读者");
			assertThat(browser.find("#checkout-barcode").getAttribute("class")).contains("is-invalid");
			browser.check("desk-on-loan-to-another");

			browser.click("#finish-reader");
			browser.find("#reader-form");
			assertThat(focused(browser)).isEqualTo("card");

			scan(browser, "#checkin-barcode", fromCentral[1]);
			browser.find("#desk-alert");
			assertThat(focused(browser)).as("the alert must be acknowledged").isEqualTo("acknowledge");
			assertThat(browser.text("#slip-site")).isEqualTo(sites.byId().get("central-library").name().zh());
			assertThat(browser.text("#slip-barcode")).isEqualTo(fromCentral[1]);
			browser.check("desk-routing-slip");
			browser.click("#acknowledge");
			assertThat(browser.all("#desk-alert")).isEmpty();
			assertThat(focused(browser)).isEqualTo("checkin-barcode");

			scan(browser, "#checkin-barcode", mine.get(3)[1]);
			browser.find("#desk-alert");
			assertThat(browser.text("#slip-reader")).startsWith("欧").doesNotContain("欧阳候书");
			browser.find("#slip-shelf-by");
			browser.check("desk-hold-slip");
			browser.click("#acknowledge");

			scan(browser, "#checkin-barcode", mine.get(4)[1]);
			assertThat(browser.text("#checkin-error")).contains("没有借出");
			browser.check("desk-not-on-loan");

			scan(browser, "#checkin-barcode", mine.get(0)[1]);
			waitForText(browser, "#notice", mine.get(0)[1]);
			assertThat(focused(browser)).isEqualTo("checkin-barcode");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aLibrarianMakesATransferAndPrintsItsPackingList(int width) throws Exception {
		List<String> copies = freshCopies("baishi", 2, false).stream().map(c -> c[1]).toList();
		try (JourneyBrowser browser = open("librarian-transfers", width)) {
			browser.signIn("librarian", "demo-librarian");
			browser.go("/transfers");
			browser.find("#transfer-form");
			browser.check("transfers");

			new Select(browser.find("#fromSite")).selectByValue("baishi");
			new Select(browser.find("#toSite")).selectByValue("central-library");
			browser.type("#barcodes", copies.get(0) + "\nNO-SUCH-COPY\n" + copies.get(1));
			browser.click("#transfer-submit");
			waitForText(browser, "#barcodes-error", "NO-SUCH-COPY");
			assertThat(browser.find("#barcodes").getAttribute("value")).as("the list is kept to be corrected")
				.contains(copies.get(0));
			browser.check("transfers-unknown-barcode");

			browser.type("#barcodes", String.join("\n", copies));
			browser.click("#transfer-submit");
			browser.find("#packing-list");
			assertThat(browser.text("#packing-to")).isEqualTo(sites.byId().get("central-library").name().zh());
			assertThat(browser.text("#packing-lines")).contains(copies.get(0)).contains(copies.get(1));
			assertThat(browser.find("#print-packing").isDisplayed()).isTrue();
			browser.check("transfer-packing-list");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void centralStaffBuildARotaByChoosingSites(int width) throws Exception {
		try (JourneyBrowser browser = open("central-rotas", width)) {
			browser.signIn("admin", "demo-admin");
			browser.go("/rotas");
			browser.find("#rota-form");
			browser.check("rotas");

			String name = "白石流转" + width;
			browser.type("#name", name);
			new Select(browser.find("#stage-site-0")).selectByValue("baishi");
			new Select(browser.find("#stage-site-1")).selectByValue("central-library");
			browser.type("#stage-days-1", "0");
			browser.click("#rota-submit");
			browser.find("#stage-days-error-1");
			assertThat(browser.find("#stage-days-1").getAttribute("class")).contains("is-invalid");
			browser.check("rotas-invalid");

			browser.type("#stage-days-1", "20");
			browser.click("#rota-submit");
			waitForText(browser, "#notice", name);
			assertThat(browser.text("#rotas")).contains(name).contains(sites.byId().get("central-library").name().zh());
			browser.check("rotas-created");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aLibrarianReadsTheIngestRunsAndThePullListInTheirLanguage(int width) throws Exception {
		try (JourneyBrowser browser = open("librarian-ingest", width)) {
			browser.signIn("librarian", "demo-librarian");
			browser.go("/ingest");
			browser.find("h1");
			browser.check("ingest");

			browser.go("/holds/pull?site=baishi");
			assertThat(browser.text("#pull-site")).isEqualTo(sites.byId().get("baishi").name().zh());
			browser.check("pull-list");
		}
	}

}
