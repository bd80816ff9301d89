package org.branchlink.gateway.oai;

import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.Change;
import org.branchlink.gateway.oai.OaiAnswer.Item;

/**
 * Writes OAI-PMH 2.0 responses with a streaming StAX writer in UTF-8: the envelope (responseDate, request), then the
 * verb's element or the error; metadata through {@link RecordXml}. Datestamps are UTC at second granularity.
 */
final class OaiXml {

	static final String OAI = "http://www.openarchives.org/OAI/2.0/";

	static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private final XMLStreamWriter xml;

	private final RecordXml records;

	private final String federation;

	private OaiXml(XMLStreamWriter xml, String federation) {
		this.xml = xml;
		this.records = new RecordXml(xml, federation);
		this.federation = federation;
	}

	/** Writes the answer to a request, or the refusal when {@code refusal} is set. */
	static void write(OutputStream out, String baseUrl, String federation, Instant now, Map<String, String> request,
			OaiAnswer answer, OaiRefusal refusal) throws XMLStreamException {
		XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out, "UTF-8");
		OaiXml oai = new OaiXml(writer, federation);
		writer.writeStartDocument("UTF-8", "1.0");
		writer.setDefaultNamespace(OAI);
		writer.writeStartElement(OAI, "OAI-PMH");
		writer.writeDefaultNamespace(OAI);
		writer.writeNamespace("xsi", XSI);
		writer.writeAttribute(XSI, "schemaLocation", OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
		oai.element("responseDate", datestamp(now));
		writer.writeStartElement(OAI, "request");
		if (refusal == null || !refusal.error().hidesArguments()) {
			for (Map.Entry<String, String> argument : request.entrySet()) {
				writer.writeAttribute(argument.getKey(), RecordXml.clean(argument.getValue()));
			}
		}
		writer.writeCharacters(baseUrl);
		writer.writeEndElement();
		if (refusal != null) {
			writer.writeStartElement(OAI, "error");
			writer.writeAttribute("code", refusal.error().code());
			writer.writeCharacters(RecordXml.clean(refusal.getMessage()));
			writer.writeEndElement();
		}
		else {
			oai.answer(answer, baseUrl);
		}
		writer.writeEndElement();
		writer.writeEndDocument();
		writer.flush();
		writer.close();
	}

	private void answer(OaiAnswer answer, String baseUrl) throws XMLStreamException {
		if (answer instanceof OaiAnswer.Identity identity) {
			identify(identity, baseUrl);
		}
		else if (answer instanceof OaiAnswer.Formats formats) {
			formats(formats);
		}
		else if (answer instanceof OaiAnswer.Sets sets) {
			sets(sets);
		}
		else if (answer instanceof OaiAnswer.Page page) {
			page(page);
		}
		else if (answer instanceof OaiAnswer.Single single) {
			xml.writeStartElement(OAI, "GetRecord");
			record(single.item(), single.format());
			xml.writeEndElement();
		}
	}

	private void formats(OaiAnswer.Formats formats) throws XMLStreamException {
		xml.writeStartElement(OAI, "ListMetadataFormats");
		for (MetadataFormat format : formats.formats()) {
			xml.writeStartElement(OAI, "metadataFormat");
			element("metadataPrefix", format.prefix());
			element("schema", format.schema());
			element("metadataNamespace", format.namespace());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void sets(OaiAnswer.Sets sets) throws XMLStreamException {
		xml.writeStartElement(OAI, "ListSets");
		for (OaiAnswer.SetEntry set : sets.sets()) {
			xml.writeStartElement(OAI, "set");
			element("setSpec", set.spec());
			element("setName", RecordXml.clean(set.name()));
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void identify(OaiAnswer.Identity identity, String baseUrl) throws XMLStreamException {
		xml.writeStartElement(OAI, "Identify");
		element("repositoryName", RecordXml.clean(identity.repositoryName()));
		element("baseURL", baseUrl);
		element("protocolVersion", "2.0");
		element("adminEmail", identity.adminEmail());
		element("earliestDatestamp", datestamp(identity.earliest()));
		element("deletedRecord", "persistent");
		element("granularity", "YYYY-MM-DDThh:mm:ssZ");
		xml.writeEndElement();
	}

	private void page(OaiAnswer.Page page) throws XMLStreamException {
		xml.writeStartElement(OAI, page.withMetadata() ? "ListRecords" : "ListIdentifiers");
		for (Item item : page.items()) {
			if (page.withMetadata()) {
				record(item, page.format());
			}
			else {
				header(item.change());
			}
		}
		OaiAnswer.Resumption resumption = page.resumption();
		if (resumption != null) {
			xml.writeStartElement(OAI, "resumptionToken");
			if (resumption.expires() != null) {
				xml.writeAttribute("expirationDate", datestamp(resumption.expires()));
			}
			xml.writeAttribute("completeListSize", Long.toString(resumption.completeListSize()));
			xml.writeAttribute("cursor", Long.toString(resumption.cursor()));
			if (resumption.token() != null) {
				xml.writeCharacters(resumption.token());
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void record(Item item, MetadataFormat format) throws XMLStreamException {
		xml.writeStartElement(OAI, "record");
		header(item.change());
		if (!item.change().deleted()) {
			xml.writeStartElement(OAI, "metadata");
			records.write(item, format);
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void header(Change change) throws XMLStreamException {
		xml.writeStartElement(OAI, "header");
		if (change.deleted()) {
			xml.writeAttribute("status", "deleted");
		}
		element("identifier", identifier(federation, change));
		element("datestamp", datestamp(change.changedAt()));
		if (change.kind() == Change.Kind.EVENT) {
			element("setSpec", "events");
		}
		for (String site : change.sites()) {
			element("setSpec", "site:" + site);
		}
		for (String township : change.townships()) {
			element("setSpec", "township:" + township);
		}
		xml.writeEndElement();
	}

	private void element(String name, String text) throws XMLStreamException {
		xml.writeStartElement(OAI, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	/** {@code oai:<federation>:work/<id>} or {@code oai:<federation>:event/<id>}. */
	static String identifier(String federation, Change change) {
		return "oai:" + federation + ":" + (change.kind() == Change.Kind.WORK ? "work/" : "event/") + change.id();
	}

	static String datestamp(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

}
