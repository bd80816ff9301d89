package org.branchlink.catalog;

import java.io.IOException;
import java.util.List;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.index.SolrFields;

import org.springframework.stereotype.Component;

/** The federation's sites in the search index. */
@Component
public class SiteIndex {

	private final SolrClient solr;

	public SiteIndex(SolrClient solr) {
		this.solr = solr;
	}

	/** Replaces every site document with these, and makes them searchable before returning. */
	public void replaceAll(List<SiteDocument> sites) {
		try {
			solr.deleteByQuery(SolrFields.DOC_TYPE + ":" + SolrFields.TYPE_SITE);
			if (!sites.isEmpty()) {
				solr.add(sites.stream().map(SiteIndex::toSolr).toList());
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
		catch (SolrServerException | IOException ex) {
			throw new CatalogIndexException("could not count sites", ex);
		}
	}

	private static SolrInputDocument toSolr(SiteDocument site) {
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
