package org.branchlink.gateway.oai;

import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.WorkMarc;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.gateway.oai.OaiAnswer.Item;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * The metadata of one item on the response's writer: a work as MARCXML (the record of {@link WorkMarc}, written
 * element by element so it sits inside the response instead of being a document of its own) or as unqualified Dublin
 * Core; an event as Dublin Core (title, description, date, coverage = its place, type = its category, publisher = its
 * site). Characters XML 1.0 does not allow become U+FFFD.
 */
final class RecordXml {

	static final String MARC = "http://www.loc.gov/MARC21/slim";

	static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";

	static final String DC = "http://purl.org/dc/elements/1.1/";

	private final XMLStreamWriter xml;

	private final String federation;

	RecordXml(XMLStreamWriter xml, String federation) {
		this.xml = xml;
		this.federation = federation;
	}

	void write(Item item, MetadataFormat format) throws XMLStreamException {
		if (item.work() != null && format == MetadataFormat.MARCXML) {
			marc(WorkMarc.of(item.work(), item.change().changedAt(), federation));
		}
		else if (item.work() != null) {
			dublinCore(item.work());
		}
		else {
			dublinCore(item.event(), item.siteName());
		}
	}

	private void marc(Record record) throws XMLStreamException {
		xml.writeStartElement("marc", "record", MARC);
		xml.writeNamespace("marc", MARC);
		xml.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", MARC + " " + MetadataFormat.MARCXML.schema());
		marcElement("leader", record.getLeader().marshal());
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

	private void marcElement(String name, String text) throws XMLStreamException {
		xml.writeStartElement("marc", name, MARC);
		xml.writeCharacters(clean(text));
		xml.writeEndElement();
	}

	private void dublinCore(PublishedWork work) throws XMLStreamException {
		BibRecord r = work.record();
		startDublinCore();
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
		for (String isbn : work.isbns()) {
			dc("identifier", "urn:isbn:" + isbn);
		}
		dc("language", r.language());
		xml.writeEndElement();
	}

	private void dublinCore(CulturalEvent event, String siteName) throws XMLStreamException {
		startDublinCore();
		dc("title", event.title());
		dc("description", event.description());
		dc("date", DateTimeFormatter.ISO_INSTANT.format(event.starts()));
		dc("date", DateTimeFormatter.ISO_INSTANT.format(event.ends()));
		String site = siteName == null ? event.siteId() : siteName;
		dc("coverage", event.place().isEmpty() ? site : site + " " + event.place());
		dc("type", "Event");
		dc("type", event.category().zh());
		dc("publisher", site);
		xml.writeEndElement();
	}

	private void startDublinCore() throws XMLStreamException {
		xml.writeStartElement("oai_dc", "dc", OAI_DC);
		xml.writeNamespace("oai_dc", OAI_DC);
		xml.writeNamespace("dc", DC);
		xml.writeAttribute("xsi", OaiXml.XSI, "schemaLocation", OAI_DC + " " + MetadataFormat.OAI_DC.schema());
	}

	private void dc(String element, String text) throws XMLStreamException {
		if (text == null || text.isBlank()) {
			return;
		}
		xml.writeStartElement("dc", element, DC);
		xml.writeCharacters(clean(text));
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
