package org.branchlink.gateway.events;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventImages;

import org.springframework.web.util.HtmlUtils;

/**
 * A 公众号 article made of events, as the WeChat editor takes it: a title, a summary (at most 120 characters, the
 * editor's limit), a cover image, and a body in plain HTML with inline styles only (the editor drops classes and
 * scripts), images at the phone's width. Everything from the events is escaped.
 *
 * @param title the article's title (at most 64 characters)
 * @param summary its summary
 * @param cover the cover image's address, or null when no event has a poster
 * @param body the body's HTML
 */
record WechatArticle(String title, String summary, String cover, String body) {

	static final int TITLE_MAX = 64;

	static final int SUMMARY_MAX = 120;

	private static final String PARAGRAPH = "<p style=\"margin:0 0 8px;font-size:15px;line-height:1.7;color:#333;\">";

	/**
	 * The article of one event or of a week's programme.
	 *
	 * @param heading the article's title
	 * @param events the events, in order
	 * @param posters each event's poster, by event id
	 * @param base the platform's address, for links and images
	 * @param when an event's time in words
	 * @param where an event's site and place in words
	 * @param word a bundle word in the article's language (Chinese: a 公众号 speaks to the county's residents)
	 */
	static WechatArticle of(String heading, List<CulturalEvent> events, Map<Long, EventImages.Poster> posters,
			String base, Function<CulturalEvent, String> when, Function<CulturalEvent, String> where,
			Function<String, String> word) {
		StringBuilder body = new StringBuilder("<section style=\"max-width:100%;\">\n");
		String cover = null;
		for (CulturalEvent event : events) {
			EventImages.Poster poster = posters.get(event.id());
			String link = base + "/events/" + event.id();
			body.append("<h2 style=\"font-size:18px;margin:16px 0 8px;color:#1a1a1a;\">").append(escape(event.title()))
				.append("</h2>\n");
			if (poster != null) {
				// the phone-width rendition: the editor shows images at the phone's width
				String image = base + "/events/" + event.id() + "/image/" + poster.sha256() + "/mobile";
				cover = cover == null ? image : cover;
				body.append("<p style=\"margin:0 0 8px;\"><img src=\"").append(escape(image))
					.append("\" alt=\"").append(escape(poster.alt()))
					.append("\" style=\"width:100%;height:auto;display:block;\"></p>\n");
			}
			body.append(PARAGRAPH).append(escape(word.apply("events.wechat.when"))).append(escape(when.apply(event)))
				.append("<br>").append(escape(word.apply("events.wechat.where"))).append(escape(where.apply(event)))
				.append("</p>\n");
			if (!event.description().isBlank()) {
				body.append(PARAGRAPH).append(escape(event.description())).append("</p>\n");
			}
			body.append(PARAGRAPH).append(escape(word.apply("events.wechat.link"))).append("<a href=\"").append(escape(link)).append("\">")
				.append(escape(link)).append("</a></p>\n");
		}
		body.append("</section>\n");
		String summary = events.size() == 1 ? events.get(0).description()
				: events.stream().map(CulturalEvent::title).reduce((a, b) -> a + word.apply("events.wechat.and") + b).orElse("");
		return new WechatArticle(cut(heading, TITLE_MAX), cut(summary.isBlank() ? heading : summary, SUMMARY_MAX), cover,
				body.toString());
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
	}

	private static String cut(String text, int max) {
		String plain = text.strip().replaceAll("\\s+", " ");
		return plain.codePointCount(0, plain.length()) <= max ? plain
				: plain.substring(0, plain.offsetByCodePoints(0, max - 1)) + "…";
	}

}
