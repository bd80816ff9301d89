package org.branchlink.sync.connector.oaipmh;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.IngestRun;
import org.branchlink.catalog.marc.MarcFlavour;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Harvests a site's OAI-PMH repository into the catalogue: ListRecords from the last datestamp harvested, page by
 * page along resumption tokens. After each page the records are stored and the token saved, so an interrupted
 * harvest continues where it stopped; when the harvest completes, the newest datestamp seen becomes the next
 * harvest's {@code from}. Deleted records leave the catalogue; records that cannot be mapped go to the quarantine.
 */
@Component
public class OaiPmhHarvester {

	private static final Logger log = LoggerFactory.getLogger(OaiPmhHarvester.class);

	private final CatalogIngest catalog;

	private final JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(20))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	OaiPmhHarvester(CatalogIngest catalog, JdbcClient jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	/**
	 * @param siteId the site whose repository it is
	 * @param baseUrl the repository's base URL
	 * @param metadataPrefix {@code marcxml} or {@code oai_dc}
	 * @param set a set to harvest, or null for all
	 * @return the run's counts
	 * @throws OaiException when the repository fails or answers nonsense; what was harvested before stays, and the
	 * next harvest continues from there
	 */
	public IngestReport harvest(String siteId, String baseUrl, String metadataPrefix, String set) {
		State state = state(siteId, baseUrl, metadataPrefix);
		IngestRun run = catalog.start(siteId, baseUrl, IngestMode.INCREMENTAL);
		String token = state.resumptionToken();
		String newest = state.harvestedUntil();
		boolean restartedAfterBadToken = false;
		int pages = 0;
		try {
			while (true) {
				URI uri = token != null ? uri(baseUrl, "verb=ListRecords&resumptionToken=" + encode(token))
						: uri(baseUrl, "verb=ListRecords&metadataPrefix=" + encode(metadataPrefix)
								+ (state.harvestedUntil() == null ? "" : "&from=" + encode(state.harvestedUntil()))
								+ (set == null || set.isBlank() ? "" : "&set=" + encode(set)));
				OaiPage page = OaiResponses.parse(get(uri), siteId);
				if ("noRecordsMatch".equals(page.errorCode())) {
					break;
				}
				if ("badResumptionToken".equals(page.errorCode()) && !restartedAfterBadToken) {
					log.warn("OAI-PMH {}: resumption token expired; harvesting again from {}", baseUrl, state.harvestedUntil());
					restartedAfterBadToken = true;
					token = null;
					continue;
				}
				if (!page.errorCode().isEmpty()) {
					throw new OaiException("the repository answered " + page.errorCode() + ": " + page.errorMessage());
				}
				pages++;
				for (OaiPage.Entry entry : page.records()) {
					if (entry.deleted()) {
						run.delete(entry.identifier());
					}
					else if (entry.problem() != null) {
						run.quarantine("record " + entry.identifier() + " on page " + pages, entry.problem(), null);
					}
					else {
						// a UNIMARC/CNMARC record in MARCXML keeps its flavour: it is published as UNIMARC again
						run.accept(entry.record(), entry.unimarc() ? MarcFlavour.OAI_UNIMARC : "oai-" + metadataPrefix, null);
					}
					if (newest == null || entry.datestamp().compareTo(newest) > 0) {
						newest = entry.datestamp();
					}
				}
				run.checkpoint();
				token = page.isLast() ? null : page.resumptionToken();
				save(siteId, baseUrl, metadataPrefix, state.harvestedUntil(), token, pages);
				if (token == null) {
					break;
				}
			}
			save(siteId, baseUrl, metadataPrefix, newest, null, pages);
			return run.finish();
		}
		catch (RuntimeException ex) {
			run.fail(ex.getMessage());
			throw ex;
		}
	}

	/** How far this repository has been harvested: the datestamp and the open token, if any. */
	public State state(String siteId, String baseUrl, String metadataPrefix) {
		return jdbc.sql("""
				select harvested_until, resumption_token from oai_harvest_state
				where site_id = :site and base_url = :url and metadata_prefix = :prefix""")
			.param("site", siteId)
			.param("url", baseUrl)
			.param("prefix", metadataPrefix)
			.query((rs, row) -> new State(rs.getString(1), rs.getString(2)))
			.optional()
			.orElse(new State(null, null));
	}

	private void save(String siteId, String baseUrl, String prefix, String until, String token, int pages) {
		jdbc.sql("""
				insert into oai_harvest_state (site_id, base_url, metadata_prefix, harvested_until, resumption_token, pages)
				values (:site, :url, :prefix, :until, :token, :pages)
				on conflict (site_id, base_url, metadata_prefix) do update set harvested_until = excluded.harvested_until,
				    resumption_token = excluded.resumption_token, pages = excluded.pages, updated_at = now()""")
			.param("site", siteId)
			.param("url", baseUrl)
			.param("prefix", prefix)
			.param("until", until)
			.param("token", token)
			.param("pages", pages)
			.update();
	}

	private byte[] get(URI uri) {
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new OaiException("HTTP " + response.statusCode() + " from " + uri);
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new OaiException("cannot reach " + uri + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OaiException("interrupted while harvesting " + uri);
		}
	}

	private static URI uri(String baseUrl, String query) {
		return URI.create(baseUrl + (baseUrl.contains("?") ? "&" : "?") + query);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * @param harvestedUntil the newest datestamp of the last complete harvest, null before the first
	 * @param resumptionToken the next page's token of a harvest that stopped midway, null otherwise
	 */
	public record State(String harvestedUntil, String resumptionToken) {
	}

}
