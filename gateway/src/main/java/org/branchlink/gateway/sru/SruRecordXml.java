package org.branchlink.gateway.sru;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.WorkMarc;
import org.branchlink.gateway.records.WorkXml;

/**
 * One work on a writer: its MARCXML record ({@link WorkMarc}: MARC21 with an 852 and an 876 per copy, or UNIMARC with
 * a 995 per copy, each with the copy's status now), its SRU Dublin Core record, or its holdings for
 * {@code extraRecordData}: per site, how many copies and how many on the shelf, then each copy's barcode, call
 * number, location and status. Only works, copies and sites: no reader data. Characters XML 1.0 does not allow become
 * U+FFFD.
 */
final class SruRecordXml {

	static final String MARC = WorkXml.MARC;

	static final String SRW_DC = "info:srw/schema/1/dc-schema";

	static final String DC = WorkXml.DC;

	/** The namespace of the holdings in {@code extraRecordData} (see src/docs/sru.md). */
	static final String HOLDINGS = "https://branchlink.org/ns/sru-holdings/1";

	static final String XSI = WorkXml.XSI;

	private static final String AVAILABLE = "available";

	private final XMLStreamWriter xml;

	SruRecordXml(XMLStreamWriter xml) {
		this.xml = xml;
	}

	void write(SruAnswer.Hit hit, RecordSchema schema, String federation) throws XMLStreamException {
		if (schema == RecordSchema.MARCXML) {
			WorkXml.marc(xml, WorkMarc.of(hit.work(), hit.changedAt(), federation), null);
		}
		else {
			dublinCore(hit.work());
		}
	}

	private void dublinCore(PublishedWork work) throws XMLStreamException {
		xml.writeStartElement("srw_dc", "dc", SRW_DC);
		xml.writeNamespace("srw_dc", SRW_DC);
		xml.writeNamespace("dc", DC);
		WorkXml.dublinCore(xml, work);
		xml.writeEndElement();
	}

	/** The work's copies by site, each site with its copy and on-the-shelf counts. */
	void holdings(PublishedWork work, Map<String, String> siteNames) throws XMLStreamException {
		Map<String, List<PublishedWork.Copy>> bySite = new LinkedHashMap<>();
		for (PublishedWork.Copy copy : work.copies()) {
			bySite.computeIfAbsent(copy.siteId(), site -> new ArrayList<>()).add(copy);
		}
		xml.writeStartElement("bl", "holdings", HOLDINGS);
		xml.writeNamespace("bl", HOLDINGS);
		for (Map.Entry<String, List<PublishedWork.Copy>> site : bySite.entrySet()) {
			xml.writeStartElement("bl", "site", HOLDINGS);
			xml.writeAttribute("id", clean(site.getKey()));
			xml.writeAttribute("name", clean(siteNames.getOrDefault(site.getKey(), site.getKey())));
			xml.writeAttribute("copies", Integer.toString(site.getValue().size()));
			xml.writeAttribute("available",
					Long.toString(site.getValue().stream().filter(c -> AVAILABLE.equals(c.status())).count()));
			for (PublishedWork.Copy copy : site.getValue()) {
				xml.writeEmptyElement("bl", "copy", HOLDINGS);
				xml.writeAttribute("barcode", clean(copy.barcode()));
				xml.writeAttribute("callNumber", clean(copy.callNumber()));
				xml.writeAttribute("location", clean(copy.location()));
				xml.writeAttribute("status", clean(copy.status()));
				xml.writeAttribute("available", Boolean.toString(AVAILABLE.equals(copy.status())));
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	/** The text with every character XML 1.0 does not allow replaced by U+FFFD. */
	static String clean(String text) {
		return WorkXml.clean(text);
	}

}
