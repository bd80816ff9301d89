package org.branchlink.gateway.sru;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.WorkMarc;
import org.branchlink.catalog.record.BibRecord;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * One work on a writer: its MARCXML record ({@link WorkMarc}: MARC21 with an 852 and an 876 per copy, or UNIMARC with
 * a 995 per copy, each with the copy's status now), its SRU Dublin Core record, or its holdings for
 * {@code extraRecordData}: per site, how many copies and how many on the shelf, then each copy's barcode, call
 * number, location and status. Only works, copies and sites: no reader data. Characters XML 1.0 does not allow become
 * U+FFFD.
 */
final class SruRecordXml {

	static final String MARC = "http://www.loc.gov/MARC21/slim";

	static final String SRW_DC = "info:srw/schema/1/dc-schema";

	static final String DC = "http://purl.org/dc/elements/1.1/";

	/** The namespace of the holdings in {@code extraRecordData} (see src/docs/sru.md). */
	static final String HOLDINGS = "https://branchlink.org/ns/sru-holdings/1";

	static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final String AVAILABLE = "available";

	private final XMLStreamWriter xml;

	SruRecordXml(XMLStreamWriter xml) {
		this.xml = xml;
	}

	void write(SruAnswer.Hit hit, RecordSchema schema, String federation) throws XMLStreamException {
		if (schema == RecordSchema.MARCXML) {
			marc(WorkMarc.of(hit.work(), hit.changedAt(), federation));
		}
		else {
			dublinCore(hit.work());
		}
	}

	private void marc(Record record) throws XMLStreamException {
		xml.writeStartElement("marc", "record", MARC);
		xml.writeNamespace("marc", MARC);
		xml.writeStartElement("marc", "leader", MARC);
		xml.writeCharacters(clean(record.getLeader().marshal()));
		xml.writeEndElement();
		for (ControlField field : record.getControlFields()) {
			xml.writeStartElement("marc", "controlfield", MARC);
			xml.writeAttribute("tag", field.getTag());
			xml.writeCharacters(clean(field.getData()));
			xml.writeEndElement();
		}
		for (DataField field : record.getDataFields()) {
			xml.writeStartElement("marc", "datafield", MARC);
			xml.writeAttribute("tag", field.getTag());
			xml.writeAttribute("ind1", Character.toString(field.getIndicator1()));
			xml.writeAttribute("ind2", Character.toString(field.getIndicator2()));
			for (Subfield subfield : field.getSubfields()) {
				xml.writeStartElement("marc", "subfield", MARC);
				xml.writeAttribute("code", Character.toString(subfield.getCode()));
				xml.writeCharacters(clean(subfield.getData()));
				xml.writeEndElement();
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void dublinCore(PublishedWork work) throws XMLStreamException {
		BibRecord r = work.record();
		xml.writeStartElement("srw_dc", "dc", SRW_DC);
		xml.writeNamespace("srw_dc", SRW_DC);
		xml.writeNamespace("dc", DC);
		dc("title", r.title());
		for (String title : r.otherTitles()) {
			dc("title", title);
		}
		for (String author : r.authors()) {
			dc("creator", author);
		}
		for (String subject : r.subjects()) {
			dc("subject", subject);
		}
		if (!r.classification().isEmpty()) {
			dc("subject", "CLC " + r.classification());
		}
		dc("publisher", r.publisher());
		dc("date", r.year() > 0 ? Integer.toString(r.year()) : "");
		dc("type", switch (r.format()) {
			case "audio" -> "Sound";
			case "video" -> "MovingImage";
			case "map" -> "Image";
			case "electronic" -> "Software";
			default -> "Text";
		});
		dc("format", r.format());
		dc("identifier", work.id());
		for (String isbn : work.isbns()) {
			dc("identifier", "urn:isbn:" + isbn);
		}
		dc("language", r.language());
		xml.writeEndElement();
	}

	private void dc(String element, String text) throws XMLStreamException {
		if (text == null || text.isBlank()) {
			return;
		}
		xml.writeStartElement("dc", element, DC);
		xml.writeCharacters(clean(text));
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
		if (text == null) {
			return "";
		}
		StringBuilder cleaned = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1)))
					|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
			if (!allowed && cleaned == null) {
				cleaned = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (cleaned != null) {
				cleaned.append(allowed ? c : '\uFFFD');
			}
		}
		return cleaned == null ? text : cleaned.toString();
	}

}
