package org.branchlink.catalog.event;

import java.util.Date;
import java.util.Locale;

import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.index.Pinyin;
import org.branchlink.catalog.index.SolrFields;
import org.branchlink.catalog.ingest.WorkStore;

/** An event as a search document (no registrations or other reader data: those stay in PostgreSQL). */
final class EventDocuments {

	private EventDocuments() {
	}

	static String id(long eventId) {
		return "event:" + eventId;
	}

	static SolrInputDocument of(CulturalEvent event, WorkStore.HoldingSite site) {
		SolrInputDocument doc = new SolrInputDocument();
		doc.setField(SolrFields.ID, id(event.id()));
		doc.setField(SolrFields.DOC_TYPE, SolrFields.TYPE_EVENT);
		doc.setField(SolrFields.TITLE, event.title());
		doc.setField(SolrFields.TITLE_PINYIN, Pinyin.syllables(event.title()));
		doc.setField(SolrFields.TITLE_INITIALS, Pinyin.initialsAndTails(event.title()));
		doc.setField(SolrFields.DESCRIPTION, event.description());
		doc.setField(SolrFields.EVENT_CATEGORY, event.category().code());
		doc.setField(SolrFields.EVENT_KIND, event.kind().name().toLowerCase(Locale.ROOT));
		doc.setField(SolrFields.EVENT_START, Date.from(event.starts()));
		doc.setField(SolrFields.EVENT_END, Date.from(event.ends()));
		doc.setField(SolrFields.AUDIENCE, event.audience().stream().map(Audience::code).sorted().toList());
		doc.setField(SolrFields.ACCESSIBLE, event.accessible());
		doc.setField(SolrFields.FEE, event.feeYuan().doubleValue());
		doc.setField(SolrFields.PLACE, event.place());
		doc.setField(SolrFields.SERVICE_MODE, event.mode().code());
		if (event.onlineUrl() != null) {
			doc.setField(SolrFields.ONLINE_URL, event.onlineUrl());
		}
		doc.setField(SolrFields.SITE_ID, event.siteId());
		if (site != null) {
			if (site.township() != null) {
				doc.setField(SolrFields.TOWNSHIP, site.township());
			}
			doc.setField(SolrFields.SITE_KIND, site.kind());
			doc.setField(SolrFields.SERVICE_LINE, site.serviceLines());
			if (site.lat() != null && site.lon() != null) {
				doc.setField(SolrFields.LOCATION, site.lat() + "," + site.lon());
			}
		}
		return doc;
	}

}
