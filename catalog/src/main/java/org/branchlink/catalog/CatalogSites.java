package org.branchlink.catalog;

import java.io.IOException;
import java.util.List;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.index.SolrFields;
import org.branchlink.catalog.ingest.WorkStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation's sites as the catalogue knows them: a table of what holdings need (kind, township, service lines,
 * coordinates) and a search document per site, so readers find the nearest library, reading room or bookmobile.
 */
@Component
public class CatalogSites {

	private final SolrClient solr;

	private final JdbcClient jdbc;

	private final WorkStore store;

	public CatalogSites(SolrClient solr, JdbcClient jdbc, WorkStore store) {
		this.solr = solr;
		this.jdbc = jdbc;
		this.store = store;
	}

	/** Replaces the catalogue's sites with these: the table, then the search documents. */
	@Transactional
	public void replaceAll(List<SiteDocument> sites) {
		// one replacement at a time (two nodes starting together both replace): the second waits, then deletes the
		// first one's rows instead of inserting beside them (duplicate keys); plain reads go on
		jdbc.sql("lock table catalog_site in exclusive mode").update();
		jdbc.sql("delete from catalog_site").update();
		for (SiteDocument site : sites) {
			jdbc.sql("""
					insert into catalog_site (id, kind, township, service_lines, name_zh, name_en, lat, lon)
					values (:id, :kind, :township, :lines, :zh, :en, :lat, :lon)""")
				.param("id", site.id())
				.param("kind", site.kind())
				.param("township", site.township())
				.param("lines", site.serviceLines().toArray(String[]::new))
				.param("zh", site.nameZh())
				.param("en", site.nameEn())
				.param("lat", site.lat())
				.param("lon", site.lon())
				.update();
		}
		store.forgetSites();
		index(sites);
	}

	/** Replaces every site document with these, and makes them searchable before returning. */
	public void index(List<SiteDocument> sites) {
		try {
			solr.deleteByQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_SITE);
			if (!sites.isEmpty()) {
				solr.add(sites.stream().map(CatalogSites::toSolr).toList());
			}
			solr.commit();
		}
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not index " + sites.size() + " sites", ex);
		}
	}

	/** How many site documents the index holds. */
	public long count() {
		try {
			return solr.query(new SolrQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_SITE).setRows(0))
				.getResults()
				.getNumFound();
		}
		catch (SolrServerException | IOException | SolrException ex) {
			throw CatalogIndexException.of("could not count sites", ex);
		}
	}

	/** How many sites the catalogue's table holds. */
	public int stored() {
		return jdbc.sql("select count(*) from catalog_site").query(Integer.class).single();
	}

	static SolrInputDocument toSolr(SiteDocument site) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField(SolrFields.ID, "site:" + site.id());
		doc.setField(SolrFields.DOC_TYPE, SolrFields.TYPE_SITE);
		doc.setField(SolrFields.SITE_ID, site.id());
		doc.setField(SolrFields.SITE_KIND, site.kind());
		doc.setField(SolrFields.NAME, site.nameZh());
		doc.setField(SolrFields.NAME_EN, site.nameEn());
		doc.setField(SolrFields.SERVICE_LINE, site.serviceLines());
		if (site.township() != null) {
			doc.setField(SolrFields.TOWNSHIP, site.township());
		}
		doc.setField(SolrFields.AREA_CODE, site.areaCode());
		doc.setField(SolrFields.ADDRESS, site.address());
		doc.setField(SolrFields.LOCATION, site.lat() + "," + site.lon());
		return doc;
	}

}
