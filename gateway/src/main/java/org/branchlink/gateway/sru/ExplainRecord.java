package org.branchlink.gateway.sru;

import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.branchlink.catalog.cql.CqlIndex;
import org.branchlink.catalog.cql.CqlParser;
import org.branchlink.gateway.sru.SruRequest.Version;

/**
 * The server's ZeeRex 2.0 explain record: where it is, the context sets and indexes it searches (which scan, which
 * sort), the record schemas, the relations and booleans it supports, and its record and term bounds.
 */
final class ExplainRecord {

	private static final String ZR = SruXml.ZEEREX;

	private final XMLStreamWriter xml;

	private final SruXml.Server server;

	private final Version version;

	ExplainRecord(XMLStreamWriter xml, SruXml.Server server, Version version) {
		this.xml = xml;
		this.server = server;
		this.version = version;
	}

	void write() throws XMLStreamException {
		xml.writeStartElement("zr", "explain", ZR);
		xml.writeNamespace("zr", ZR);
		xml.writeStartElement("zr", "serverInfo", ZR);
		xml.writeAttribute("protocol", "SRU");
		xml.writeAttribute("version", version.number());
		xml.writeAttribute("transport", "http");
		xml.writeAttribute("method", "GET POST");
		element("host", server.host());
		element("port", Integer.toString(server.port()));
		element("database", server.database());
		xml.writeEndElement();
		xml.writeStartElement("zr", "databaseInfo", ZR);
		xml.writeStartElement("zr", "title", ZR);
		xml.writeAttribute("lang", "zh");
		xml.writeAttribute("primary", "true");
		xml.writeCharacters(SruRecordXml.clean(server.title()));
		xml.writeEndElement();
		xml.writeStartElement("zr", "description", ZR);
		xml.writeAttribute("lang", "en");
		xml.writeCharacters("The union catalogue of the county's libraries: every work with its copies per site and "
				+ "whether they are on the shelf.");
		xml.writeEndElement();
		xml.writeEndElement();
		indexInfo();
		schemaInfo();
		configInfo();
		xml.writeEndElement();
	}

	private void indexInfo() throws XMLStreamException {
		xml.writeStartElement("zr", "indexInfo", ZR);
		Map<String, String> sets = new TreeMap<>();
		CqlParser.CONTEXT_SETS.forEach((uri, prefix) -> sets.putIfAbsent(prefix, uri));
		sets.put("cql", "info:srw/cql-context-set/1/cql-v1.2");
		sets.put("rec", "info:srw/cql-context-set/2/rec-1.1");
		for (Map.Entry<String, String> set : sets.entrySet()) {
			xml.writeEmptyElement("zr", "set", ZR);
			xml.writeAttribute("name", set.getKey());
			xml.writeAttribute("identifier", set.getValue());
		}
		for (CqlIndex index : CqlIndex.values()) {
			xml.writeStartElement("zr", "index", ZR);
			xml.writeAttribute("search", "true");
			xml.writeAttribute("scan", Boolean.toString(index.scanField() != null));
			xml.writeAttribute("sort", Boolean.toString(index == CqlIndex.TITLE || index == CqlIndex.DATE));
			element("title", index.title());
			xml.writeStartElement("zr", "map", ZR);
			xml.writeStartElement("zr", "name", ZR);
			xml.writeAttribute("set", index.set());
			xml.writeCharacters(index.indexName());
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void schemaInfo() throws XMLStreamException {
		xml.writeStartElement("zr", "schemaInfo", ZR);
		for (RecordSchema schema : RecordSchema.values()) {
			xml.writeStartElement("zr", "schema", ZR);
			xml.writeAttribute("identifier", schema.identifier());
			xml.writeAttribute("name", schema.shortName());
			xml.writeAttribute("location", schema.location());
			xml.writeAttribute("retrieve", "true");
			xml.writeAttribute("sort", "false");
			element("title", schema.title());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private void configInfo() throws XMLStreamException {
		SruProperties properties = server.properties();
		xml.writeStartElement("zr", "configInfo", ZR);
		typed("default", "numberOfRecords", Integer.toString(properties.defaultRecords()));
		typed("setting", "maximumRecords", Integer.toString(properties.maximumRecords()));
		typed("default", "numberOfTerms", Integer.toString(properties.defaultTerms()));
		typed("setting", "maximumTerms", Integer.toString(properties.maximumTerms()));
		typed("default", "retrieveSchema", RecordSchema.MARCXML.identifier());
		typed("default", "contextSet", "cql");
		typed("default", "index", "cql.serverChoice");
		typed("default", "relation", "=");
		for (String relation : new String[] { "=", "==", "exact", "all", "any", "adj", "<", "<=", ">", ">=" }) {
			typed("supports", "relation", relation);
		}
		for (String modifier : new String[] { "ignoreCase", "ignoreAccents", "relevant", "word" }) {
			typed("supports", "relationModifier", modifier);
		}
		for (String bool : new String[] { "and", "or", "not" }) {
			typed("supports", "booleanOperator", bool);
		}
		typed("supports", "maskingCharacter", "*");
		typed("supports", "maskingCharacter", "?");
		typed("supports", "sort", "dc.title dc.date");
		xml.writeEndElement();
	}

	private void typed(String element, String type, String value) throws XMLStreamException {
		xml.writeStartElement("zr", element, ZR);
		xml.writeAttribute("type", type);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private void element(String name, String text) throws XMLStreamException {
		xml.writeStartElement("zr", name, ZR);
		xml.writeCharacters(SruRecordXml.clean(text));
		xml.writeEndElement();
	}

}
