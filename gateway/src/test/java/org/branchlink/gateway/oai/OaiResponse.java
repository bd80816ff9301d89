package org.branchlink.gateway.oai;

import java.io.ByteArrayInputStream;
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
 * An OAI-PMH response read for assertions by XPath, with the prefixes {@code o} (OAI-PMH), {@code marc}, {@code oai_dc}
 * and {@code dc}. Parsing it namespace-aware checks it is well-formed XML in its declared encoding.
 */
final class OaiResponse {

	private static final Map<String, String> NAMESPACES = Map.of("o", OaiXml.OAI, "marc", RecordXml.MARC, "oai_dc",
			RecordXml.OAI_DC, "dc", RecordXml.DC, "xsi", OaiXml.XSI);

	private final Document document;

	private final XPath xpath;

	private OaiResponse(Document document) {
		this.document = document;
		this.xpath = XPathFactory.newInstance().newXPath();
		this.xpath.setNamespaceContext(new NamespaceContext() {
			@Override
			public String getNamespaceURI(String prefix) {
				return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
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

	static OaiResponse of(byte[] body) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			return new OaiResponse(factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)));
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed XML: " + ex.getMessage() + "\n" + new String(body), ex);
		}
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

	/** The error code, empty when the response is no error. */
	String error() {
		return string("/o:OAI-PMH/o:error/@code");
	}

}
