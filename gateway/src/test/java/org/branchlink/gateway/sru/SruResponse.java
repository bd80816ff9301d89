package org.branchlink.gateway.sru;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * An SRU response read for assertions by XPath. The prefix {@code s} is the response's own namespace (SRU 1.2's, or
 * 2.0's sruResponse or scan) and {@code diag} its diagnostic namespace, so one expression reads both versions; also
 * {@code marc}, {@code srw_dc}, {@code dc}, {@code bl} (holdings) and {@code zr} (ZeeRex). Parsing it namespace-aware
 * checks it is well-formed XML.
 */
final class SruResponse {

	private final Document document;

	private final XPath xpath;

	private final byte[] body;

	private SruResponse(Document document, byte[] body) {
		this.document = document;
		this.body = body;
		String root = document.getDocumentElement().getNamespaceURI();
		Map<String, String> namespaces = Map.of("s", root, "diag",
				root.equals(SruXml.SRW) ? SruXml.DIAG_1 : SruXml.DIAG_2, "marc", SruRecordXml.MARC, "srw_dc",
				SruRecordXml.SRW_DC, "dc", SruRecordXml.DC, "bl", SruRecordXml.HOLDINGS, "zr", SruXml.ZEEREX);
		this.xpath = XPathFactory.newInstance().newXPath();
		this.xpath.setNamespaceContext(new NamespaceContext() {
			@Override
			public String getNamespaceURI(String prefix) {
				return namespaces.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
			}

			@Override
			public String getPrefix(String namespaceURI) {
				return null;
			}

			@Override
			public Iterator<String> getPrefixes(String namespaceURI) {
				return List.<String>of().iterator();
			}
		});
	}

	static SruResponse of(byte[] body) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			return new SruResponse(factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)), body);
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed XML: " + ex.getMessage() + "\n" + new String(body), ex);
		}
	}

	/** The root element's namespace. */
	String namespace() {
		return document.getDocumentElement().getNamespaceURI();
	}

	String root() {
		return document.getDocumentElement().getLocalName();
	}

	String string(String expression) {
		try {
			return xpath.evaluate(expression, document);
		}
		catch (XPathExpressionException ex) {
			throw new IllegalArgumentException(expression, ex);
		}
	}

	int count(String expression) {
		return (int) Double.parseDouble(string("count(" + expression + ")"));
	}

	List<String> strings(String expression) {
		try {
			NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
			List<String> values = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				values.add(nodes.item(i).getTextContent());
			}
			return values;
		}
		catch (XPathExpressionException ex) {
			throw new IllegalArgumentException(expression, ex);
		}
	}

	/** The local names of the element children of the first node the expression selects, in document order. */
	List<String> children(String expression) {
		try {
			NodeList nodes = (NodeList) xpath.evaluate(expression + "/*", document, XPathConstants.NODESET);
			List<String> names = new ArrayList<>();
			for (int i = 0; i < nodes.getLength(); i++) {
				names.add(nodes.item(i).getLocalName());
			}
			return names;
		}
		catch (XPathExpressionException ex) {
			throw new IllegalArgumentException(expression, ex);
		}
	}

	/** The numbers of the response's diagnostics ({@code info:srw/diagnostic/1/N}), in order. */
	List<Integer> diagnostics() {
		return strings("/*/s:diagnostics/diag:diagnostic/diag:uri").stream()
			.map(uri -> Integer.parseInt(uri.substring("info:srw/diagnostic/1/".length())))
			.toList();
	}

	long numberOfRecords() {
		return Long.parseLong(string("/*/s:numberOfRecords"));
	}

	/** The records' titles: MARC21 245 $a, UNIMARC 200 $a or the first dc:title. */
	List<String> titles() {
		return strings("/*/s:records/s:record/s:recordData/*/*[(@tag='245' or @tag='200')]/*[@code='a']"
				+ " | /*/s:records/s:record/s:recordData/srw_dc:dc/dc:title[1]");
	}

	@Override
	public String toString() {
		return new String(body, StandardCharsets.UTF_8);
	}

}
