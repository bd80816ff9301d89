package org.branchlink.gateway.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.branchlink.catalog.ItemRef;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A copy of the demo county to lend, and a site's system reporting its loans and returns through the API. */
public final class LiveFixtures {

	private LiveFixtures() {
	}

	/** A copy of the site that has never circulated nor been held, and whose barcode no other site uses. */
	public static ItemRef freshCopyOf(JdbcClient jdbc, String site) {
		return jdbc.sql("""
				select i.site_id, i.barcode, r.work_id from item i
				join bib_record r on r.site_id = i.site_id and r.record_id = i.record_id
				where i.site_id = :site and i.status = 'available'
				  and not exists (select 1 from circulation_event e where e.barcode = i.barcode)
				  and not exists (select 1 from circulation_item c where c.site_id = i.site_id and c.barcode = i.barcode)
				  and (select count(*) from item o where o.barcode = i.barcode) = 1
				order by md5(i.barcode) limit 1""")
			.param("site", site)
			.query((rs, row) -> new ItemRef(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	/**
	 * A circulation event of the copy's site, reported through the API (as the demo's Baishi librarian), applied.
	 *
	 * @param type {@code checkout}, {@code checkin} …
	 * @param card the reader's card; null for none
	 */
	public static void report(int port, String type, ItemRef copy, String card) throws Exception {
		String event = "[{\"eventId\":\"live-" + type + "-" + copy.barcode() + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
				+ Instant.now() + "\",\"barcode\":\"" + copy.barcode() + "\"" + (card == null ? "" : ",\"card\":\"" + card + "\"") + "}]";
		String basic = Base64.getEncoder().encodeToString("librarian:demo-librarian".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sites/" + copy.siteId() + "/circulation/events"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(event))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(answer.body()).contains("\"applied\":1");
	}

}
