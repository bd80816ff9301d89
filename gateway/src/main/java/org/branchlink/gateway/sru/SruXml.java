package org.branchlink.gateway.sru;

import java.io.OutputStream;
import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.cql.CqlRefusal;
import org.branchlink.gateway.sru.SruRequest.Operation;
import org.branchlink.gateway.sru.SruRequest.Version;

/**
 * Writes SRU responses with a streaming StAX writer in UTF-8: SRU 1.2 in {@code http://www.loc.gov/zing/srw/} with
 * its diagnostic namespace, SRU 2.0 in the OASIS {@code sruResponse} namespace (scan in its {@code scan} namespace)
 * with the OASIS diagnostic namespace. A refused request gets its operation's response (explain's, with the explain
 * record, for an unknown operation) with the diagnostic; records come from {@link SruRecordXml}, the explain record is
 * ZeeRex 2.0.
 */
final class SruXml {

	static final String SRW = "http://www.loc.gov/zing/srw/";

	static final String DIAG_1 = "http://www.loc.gov/zing/srw/diagnostic/";

	static final String SRU_2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse";

	static final String SCAN_2 = "http://docs.oasis-open.org/ns/search-ws/scan";

	static final String DIAG_2 = "http://docs.oasis-open.org/ns/search-ws/diagnostic";

	static final String ZEEREX = "http://explain.z3950.org/dtd/2.0/";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private final XMLStreamWriter xml;

	private final Version version;

	private final String ns;

	private final String prefix;

	private final Server server;

	private SruXml(XMLStreamWriter xml, Version version, Operation operation, Server server) {
		this.xml = xml;
		this.version = version;
		this.server = server;
		boolean scan = operation == Operation.SCAN;
		this.ns = version == Version.V1_2 ? SRW : scan ? SCAN_2 : SRU_2;
		this.prefix = version == Version.V1_2 ? "srw" : scan ? "scan" : "sruResponse";
	}

	/**
	 * Where the server is and what it serves, for the explain record and MARC's 003.
	 *
	 * @param host the host the request came to
	 * @param port its port
	 * @param database the path of the endpoint without its leading slash ({@code sru})
	 * @param federation the federation's id
	 * @param title the database's title
	 * @param properties the server's settings
	 */
	record Server(String host, int port, String database, String federation, String title, SruProperties properties) {
	}

	/** Writes the answer to a request, or the refusal when {@code refusal} is set. */
	static void write(OutputStream out, SruRequest request, Server server, SruAnswer answer, CqlRefusal refusal)
			throws XMLStreamException {
		Operation operation = request.operation() == null ? Operation.EXPLAIN : request.operation();
		XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out, "UTF-8");
		SruXml sru = new SruXml(writer, request.version(), operation, server);
		writer.writeStartDocument("UTF-8", "1.0");
		String root = switch (operation) {
			case EXPLAIN -> "explainResponse";
			case SEARCH_RETRIEVE -> "searchRetrieveResponse";
			case SCAN -> "scanResponse";
		};
		writer.writeStartElement(sru.prefix, root, sru.ns);
		writer.writeNamespace(sru.prefix, sru.ns);
		if (request.version() == Version.V1_2 || operation != Operation.SCAN) {
			// SRU 2.0's scan response has no version element
			sru.element("version", request.version().number());
		}
		if (answer instanceof SruAnswer.Search search) {
			sru.search(search);
		}
		else if (answer instanceof SruAnswer.Scan scan) {
			sru.scan(scan);
		}
		else if (answer instanceof SruAnswer.Explain) {
			sru.explainRecord(request.stringPacking());
		}
		else if (operation == Operation.SEARCH_RETRIEVE) {
			sru.element("numberOfRecords", "0");
		}
		else if (operation == Operation.EXPLAIN) {
			// an explain response always has the record, with or without a diagnostic
			sru.explainRecord(false);
		}
		if (refusal != null) {
			sru.diagnostic(refusal);
		}
		writer.writeEndElement();
		writer.writeEndDocument();
		writer.flush();
		writer.close();
	}

	private void search(SruAnswer.Search search) throws XMLStreamException {
		element("numberOfRecords", Long.toString(search.numberOfRecords()));
		if (!search.records().isEmpty()) {
			xml.writeStartElement(prefix, "records", ns);
			for (SruAnswer.Hit hit : search.records()) {
				xml.writeStartElement(prefix, "record", ns);
				element("recordSchema", search.schema().identifier());
				element(version == Version.V1_2 ? "recordPacking" : "recordXMLEscaping",
						search.escaped() ? "string" : "xml");
				xml.writeStartElement(prefix, "recordData", ns);
				if (search.escaped()) {
					StringWriter text = new StringWriter();
					XMLStreamWriter inner = FACTORY.createXMLStreamWriter(text);
					new SruRecordXml(inner).write(hit, search.schema(), server.federation());
					inner.close();
					xml.writeCharacters(text.toString());
				}
				else {
					new SruRecordXml(xml).write(hit, search.schema(), server.federation());
				}
				xml.writeEndElement();
				element("recordPosition", Integer.toString(hit.position()));
				xml.writeStartElement(prefix, "extraRecordData", ns);
				new SruRecordXml(xml).holdings(hit.work(), search.siteNames());
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
		}
		if (search.nextRecordPosition() != null) {
			element("nextRecordPosition", Integer.toString(search.nextRecordPosition()));
		}
		if (search.diagnostic() != null) {
			diagnostic(search.diagnostic());
		}
	}

	private void scan(SruAnswer.Scan scan) throws XMLStreamException {
		if (scan.terms().isEmpty()) {
			return;
		}
		xml.writeStartElement(prefix, "terms", ns);
		for (SruAnswer.ScanTerm term : scan.terms()) {
			xml.writeStartElement(prefix, "term", ns);
			element("value", SruRecordXml.clean(term.value()));
			element("numberOfRecords", Long.toString(term.numberOfRecords()));
			if (term.displayTerm() != null) {
				element("displayTerm", SruRecordXml.clean(term.displayTerm()));
			}
			element("whereInList", term.whereInList());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void diagnostic(CqlRefusal refusal) throws XMLStreamException {
		String diag = version == Version.V1_2 ? DIAG_1 : DIAG_2;
		xml.writeStartElement(prefix, "diagnostics", ns);
		xml.writeStartElement("diag", "diagnostic", diag);
		xml.writeNamespace("diag", diag);
		xml.writeStartElement("diag", "uri", diag);
		xml.writeCharacters(refusal.diagnostic().uri());
		xml.writeEndElement();
		if (refusal.details() != null && !refusal.details().isEmpty()) {
			xml.writeStartElement("diag", "details", diag);
			xml.writeCharacters(SruRecordXml.clean(refusal.details()));
			xml.writeEndElement();
		}
		xml.writeStartElement("diag", "message", diag);
		xml.writeCharacters(SruRecordXml.clean(refusal.getMessage()));
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private void explainRecord(boolean escaped) throws XMLStreamException {
		xml.writeStartElement(prefix, "record", ns);
		element("recordSchema", ZEEREX);
		element(version == Version.V1_2 ? "recordPacking" : "recordXMLEscaping", escaped ? "string" : "xml");
		xml.writeStartElement(prefix, "recordData", ns);
		if (escaped) {
			StringWriter text = new StringWriter();
			XMLStreamWriter inner = FACTORY.createXMLStreamWriter(text);
			new ExplainRecord(inner, server, version).write();
			inner.close();
			xml.writeCharacters(text.toString());
		}
		else {
			new ExplainRecord(xml, server, version).write();
		}
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private void element(String name, String text) throws XMLStreamException {
		xml.writeStartElement(prefix, name, ns);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

}
