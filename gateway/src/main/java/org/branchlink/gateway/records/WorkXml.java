package org.branchlink.gateway.records;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.record.BibRecord;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

/**
 * A work written into a protocol's response (OAI-PMH, SRU) on its StAX writer: its MARC record as MARCXML, element by
 * element so it sits inside the response instead of being a document of its own, or its Dublin Core elements. The
 * caller writes the wrapper its protocol wants around them. Characters XML 1.0 does not allow become U+FFFD.
 */
public final class WorkXml {

	public static final String MARC = "http://www.loc.gov/MARC21/slim";

	public static final String DC = "http://purl.org/dc/elements/1.1/";

	public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private WorkXml() {
	}

	/** A {@code marc:record}; with a schema location when the protocol asks for one (null for none). */
	public static void marc(XMLStreamWriter xml, Record record, String schemaLocation) throws XMLStreamException {
		xml.writeStartElement("marc", "record", MARC);
		xml.writeNamespace("marc", MARC);
		if (schemaLocation != null) {
			xml.writeAttribute("xsi", XSI, "schemaLocation", MARC + " " + schemaLocation);
		}
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

	/**
	 * The work's unqualified Dublin Core elements (titles, creators, subjects and the CLC class, publisher, year, type,
	 * format, the work's id and its ISBNs as URNs, language), inside a wrapper the caller opened with the {@code dc}
	 * prefix bound to {@link #DC}.
	 */
	public static void dublinCore(XMLStreamWriter xml, PublishedWork work) throws XMLStreamException {
		BibRecord r = work.record();
		element(xml, "title", r.title());
		for (String title : r.otherTitles()) {
			element(xml, "title", title);
		}
		for (String author : r.authors()) {
			element(xml, "creator", author);
		}
		for (String subject : r.subjects()) {
			element(xml, "subject", subject);
		}
		if (!r.classification().isEmpty()) {
			element(xml, "subject", "CLC " + r.classification());
		}
		element(xml, "publisher", r.publisher());
		element(xml, "date", r.year() > 0 ? Integer.toString(r.year()) : "");
		element(xml, "type", switch (r.format()) {
			case "audio" -> "Sound";
			case "video" -> "MovingImage";
			case "map" -> "Image";
			case "electronic" -> "Software";
			default -> "Text";
		});
		element(xml, "format", r.format());
		element(xml, "identifier", work.id());
		for (String isbn : work.isbns()) {
			element(xml, "identifier", "urn:isbn:" + isbn);
		}
		element(xml, "language", r.language());
	}

	/** One {@code dc:} element; nothing for a blank text. */
	public static void element(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
		if (text == null || text.isBlank()) {
			return;
		}
		xml.writeStartElement("dc", element, DC);
		xml.writeCharacters(clean(text));
		xml.writeEndElement();
	}

	/** The text with every character XML 1.0 does not allow replaced by U+FFFD; empty for null. */
	public static String clean(String text) {
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
