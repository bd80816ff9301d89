package org.branchlink.sync.connector.oaipmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.marc.MarcFlavour;
import org.branchlink.catalog.marc.MarcSources;
import org.branchlink.catalog.marc.RawRecord;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.InvalidRecordException;
import org.branchlink.catalog.record.Isbn;
import org.branchlink.catalog.record.MarcRecordMapper;
import org.marc4j.marc.MarcFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads OAI-PMH 2.0 ListRecords responses: headers (identifier, datestamp, deleted status), metadata in
 * {@code marcxml} (MARC21 or UNIMARC, read by the catalogue's MARC reader) or {@code oai_dc}, the resumption token
 * and OAI errors. Namespaces are matched by local name, as real repositories vary.
 */
final class OaiResponses {

	private OaiResponses() {
	}

	static OaiPage parse(byte[] body, String siteId) {
		Document document;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
		}
		catch (Exception ex) {
			throw new OaiException("the response is not XML: " + ex.getMessage());
		}
		Element error = first(document.getDocumentElement(), "error");
		if (error != null) {
			return new OaiPage(List.of(), "", error.getAttribute("code"), error.getTextContent().strip());
		}
		List<OaiPage.Entry> entries = new ArrayList<>();
		Element list = first(document.getDocumentElement(), "ListRecords");
		if (list == null) {
			throw new OaiException("the response has neither ListRecords nor error");
		}
		for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element record && "record".equals(record.getLocalName())) {
				entries.add(entry(record, siteId));
			}
		}
		Element token = first(list, "resumptionToken");
		return new OaiPage(entries, token == null ? "" : token.getTextContent().strip(), "", "");
	}

	private static OaiPage.Entry entry(Element record, String siteId) {
		Element header = first(record, "header");
		String identifier = header == null ? "" : text(header, "identifier");
		String datestamp = header == null ? "" : text(header, "datestamp");
		if (identifier.isEmpty()) {
			return new OaiPage.Entry("", datestamp, false, null, "no OAI identifier in the record header");
		}
		if (header != null && "deleted".equals(header.getAttribute("status"))) {
			return new OaiPage.Entry(identifier, datestamp, true, null, null);
		}
		Element metadata = first(record, "metadata");
		Element content = metadata == null ? null : firstElement(metadata);
		if (content == null) {
			return new OaiPage.Entry(identifier, datestamp, false, null, "no metadata");
		}
		try {
			if ("dc".equals(content.getLocalName())) {
				return new OaiPage.Entry(identifier, datestamp, false, dublinCore(content, siteId, identifier, datestamp),
						null);
			}
			RawRecord raw = marc(content, identifier);
			return new OaiPage.Entry(identifier, datestamp, false,
					withIdentity(MarcRecordMapper.map(raw.record(), siteId), identifier, datestamp), null,
					MarcFlavour.of(raw.record()) == MarcFlavour.UNIMARC);
		}
		catch (InvalidRecordException ex) {
			return new OaiPage.Entry(identifier, datestamp, false, null, ex.getMessage());
		}
	}

	private static RawRecord marc(Element content, String identifier) {
		Iterator<RawRecord> records = MarcSources.open(new ByteArrayInputStream(serialize(content)), MarcCharset.UTF_8);
		if (!records.hasNext()) {
			throw new InvalidRecordException("the metadata holds no MARC record");
		}
		RawRecord raw = records.next();
		if (raw.isRefused()) {
			throw new InvalidRecordException(raw.problem());
		}
		if (raw.record().getControlNumberField() == null) {
			raw.record().addVariableField(MarcFactory.newInstance().newControlField("001", identifier));
		}
		return raw;
	}

	private static BibRecord dublinCore(Element dc, String siteId, String identifier, String datestamp) {
		String title = text(dc, "title");
		if (title.isEmpty()) {
			throw new InvalidRecordException("no title (dc:title)");
		}
		List<String> creators = texts(dc, "creator");
		List<String> isbns = new ArrayList<>();
		List<String> links = new ArrayList<>();
		for (String id : texts(dc, "identifier")) {
			// a web address is where the resource is online (an e-book, a recording)
			if (id.strip().matches("(?i)https?://[^\\s<>\"]+")) {
				if (!links.contains(id.strip())) {
					links.add(id.strip());
				}
			}
			else if (id.toUpperCase().contains("ISBN") || id.replaceAll("[^0-9Xx]", "").length() >= 10) {
				Isbn.normalize(id.replaceAll("(?i)urn:isbn:|isbn:?", "")).ifPresent(isbns::add);
			}
		}
		String date = text(dc, "date");
		Matcher year = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)").matcher(date);
		return new BibRecord(siteId, identifier, datestamp, title, List.of(), creators, isbns, text(dc, "publisher"),
				year.find() ? Integer.parseInt(year.group(1)) : 0, text(dc, "language"), "book", "", texts(dc, "subject"),
				List.of(), links);
	}

	private static BibRecord withIdentity(BibRecord r, String identifier, String datestamp) {
		return new BibRecord(r.siteId(), identifier, datestamp, r.title(), r.otherTitles(), r.authors(), r.isbns(),
				r.publisher(), r.year(), r.language(), r.format(), r.classification(), r.subjects(), r.items(), r.links());
	}

	private static byte[] serialize(Element element) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			TransformerFactory.newInstance().newTransformer().transform(new DOMSource(element), new StreamResult(out));
			return out.toByteArray();
		}
		catch (Exception ex) {
			throw new InvalidRecordException("unreadable metadata: " + ex.getMessage());
		}
	}

	private static Element first(Element parent, String localName) {
		NodeList nodes = parent.getElementsByTagNameNS("*", localName);
		return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
	}

	private static Element firstElement(Element parent) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				return element;
			}
		}
		return null;
	}

	private static String text(Element parent, String localName) {
		Element element = first(parent, localName);
		return element == null ? "" : element.getTextContent().strip();
	}

	private static List<String> texts(Element parent, String localName) {
		List<String> values = new ArrayList<>();
		NodeList nodes = parent.getElementsByTagNameNS("*", localName);
		for (int i = 0; i < nodes.getLength(); i++) {
			String value = nodes.item(i).getTextContent().strip();
			if (!value.isEmpty()) {
				values.add(value);
			}
		}
		return values;
	}

}
