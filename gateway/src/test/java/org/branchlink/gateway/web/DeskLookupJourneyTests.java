package org.branchlink.gateway.web;

import java.time.LocalDate;
import java.util.List;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A librarian at Baishi's desk looks up what was not scanned: a reader without their card, found by name and chosen
 * into the panel; a copy by its barcode, with its state and history. Every page passes {@link JourneyBrowser#check}.
 */
class DeskLookupJourneyTests extends IntegrationTest {

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

	private String focused(JourneyBrowser browser) {
		return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement.id;");
	}

	private List<String> freshBarcodes(int n) {
		return jdbc.sql("""
				select i.barcode from item i where i.site_id = 'baishi' and i.status = 'available'
				  and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and not exists (select 1 from transfer_item t where t.barcode = i.barcode)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				order by md5(i.barcode || 'lookup') limit :n""")
			.param("n", n)
			.query(String.class)
			.list();
	}

	@ParameterizedTest
	@ValueSource(ints = { 390, 1366 })
	void aLibrarianFindsAReaderWithoutTheirCardAndACopyWithItsHistory(int width) throws Exception {
		String name = "忘带证的读者" + width;
		Reader reader = readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1988, 1, 2), "adult", "baishi",
				null, false, null, null, null));
		List<String> copies = freshBarcodes(2);
		desk.checkout("baishi", reader.cardNumber(), copies.get(1));
		desk.checkin("baishi", copies.get(1));

		try (JourneyBrowser browser = JourneyBrowser.open(port, "librarian-lookup", width, List.copyOf(sites.byId().keySet()))) {
			browser.signIn("librarian", "demo-librarian");
			browser.go("/circulation?site=baishi");
			browser.type("#reader-q", "无此读者");
			browser.submit("#lookup-submit");
			assertThat(browser.text("#lookup-error")).contains("没有找到");
			assertThat(focused(browser)).isEqualTo("reader-q");
			browser.check("desk-lookup-none");

			browser.type("#reader-q", name);
			browser.submit("#lookup-submit");
			assertThat(browser.text("#lookup-results")).contains(name)
				.contains(reader.cardNumber().substring(reader.cardNumber().length() - 4))
				.doesNotContain(reader.cardNumber())
				.contains(sites.byId().get("baishi").name().zh());
			assertThat(browser.driver().getCurrentUrl()).doesNotContain(name);
			assertThat(focused(browser)).as("the first reader found waits to be chosen").isEqualTo("choose-0");
			browser.check("desk-lookup-found");

			browser.submit("#choose-0");
			assertThat(browser.text("#panel-name")).isEqualTo(name);
			assertThat(focused(browser)).isEqualTo("checkout-barcode");
			browser.check("desk-lookup-chosen");

			browser.type("#copy-barcode", copies.get(1));
			browser.submit("#copy-lookup-submit");
			assertThat(browser.text("#copy-barcode-value")).isEqualTo(copies.get(1));
			browser.find("#who");
			assertThat(browser.text("#copy-status")).isEqualTo("在架");
			assertThat(browser.text("#copy-home")).isEqualTo(sites.byId().get("baishi").name().zh());
			assertThat(browser.text("#copy-history")).contains("还回").contains("借出")
				.contains(reader.cardNumber().substring(reader.cardNumber().length() - 4))
				.doesNotContain(reader.cardNumber());
			browser.check("copy-history");

			browser.type("#copy-barcode", copies.get(0));
			browser.submit("#copy-lookup-submit");
			browser.find("#copy-history-empty");
			browser.check("copy-never-lent");

			browser.type("#copy-barcode", "NO-SUCH-COPY");
			browser.submit("#copy-lookup-submit");
			assertThat(browser.text("#copy-error")).contains("NO-SUCH-COPY");
			browser.check("copy-unknown");

			browser.submit("#back-to-desk");
			assertThat(browser.text("#panel-name")).as("the reader is still at the desk").isEqualTo(name);
		}
	}

}
