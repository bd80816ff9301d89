package org.branchlink.gateway.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * A search highlight as pieces of text, marked or not, for a page to write escaped: Solr answers it HTML-encoded with
 * our {@code <mark>} tags, and no page writes it as raw HTML.
 */
public final class Highlights {

	/** A piece of a highlighted field; {@code marked} when it matched the query. */
	public record Segment(String text, boolean marked) {
	}

	private Highlights() {
	}

	public static List<Segment> segments(String encoded) {
		List<Segment> segments = new ArrayList<>();
		int at = 0;
		while (at < encoded.length()) {
			int open = encoded.indexOf("<mark>", at);
			if (open < 0) {
				segments.add(new Segment(HtmlUtils.htmlUnescape(encoded.substring(at)), false));
				break;
			}
			int close = encoded.indexOf("</mark>", open);
			if (close < 0) {
				close = encoded.length();
			}
			if (open > at) {
				segments.add(new Segment(HtmlUtils.htmlUnescape(encoded.substring(at, open)), false));
			}
			segments.add(new Segment(HtmlUtils.htmlUnescape(encoded.substring(open + 6, close)), true));
			at = close + 7;
		}
		return segments;
	}

}
