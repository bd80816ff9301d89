package org.branchlink.gateway.oai;

import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.WorkMarc;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.gateway.records.WorkXml;
import org.branchlink.gateway.oai.OaiAnswer.Item;

/**
 * The metadata of one item on the response's writer: a work as MARCXML (the record of {@link WorkMarc}, written
 * element by element so it sits inside the response instead of being a document of its own) or as unqualified Dublin
 * Core; an event as Dublin Core (title, description, date, coverage = its place, type = its category, publisher = its
 * site). Characters XML 1.0 does not allow become U+FFFD.
 */
final class RecordXml {

	static final String MARC = WorkXml.MARC;

	static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";

	static final String DC = WorkXml.DC;

	private final XMLStreamWriter xml;

	private final String federation;

	RecordXml(XMLStreamWriter xml, String federation) {
		this.xml = xml;
		this.federation = federation;
	}

	void write(Item item, MetadataFormat format) throws XMLStreamException {
		if (item.work() != null && format == MetadataFormat.MARCXML) {
			WorkXml.marc(xml, WorkMarc.of(item.work(), item.change().changedAt(), federation),
					MetadataFormat.MARCXML.schema());
		}
		else if (item.work() != null) {
			dublinCore(item.work());
		}
		else {
			dublinCore(item.event(), item.siteName());
		}
	}

	private void dublinCore(PublishedWork work) throws XMLStreamException {
		startDublinCore();
		WorkXml.dublinCore(xml, work);
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
		WorkXml.element(xml, element, text);
	}

	/** The text with every character XML 1.0 does not allow replaced by U+FFFD. */
	static String clean(String text) {
		return WorkXml.clean(text);
	}

}
