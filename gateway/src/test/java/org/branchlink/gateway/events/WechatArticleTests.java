package org.branchlink.gateway.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.EventImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The 公众号 article: what the WeChat editor takes (inline styles, phone-width images, its lengths), all escaped. */
class WechatArticleTests {

	private static CulturalEvent event(long id, String title, String description) {
		Instant at = Instant.parse("2026-12-10T06:00:00Z");
		return new CulturalEvent(id, CulturalEvent.Source.FORM, "baishi", "u" + id, "", 0, CulturalEvent.Kind.EVENT,
				EventCategory.LECTURE, title, description, "baishi", "二楼", at, at.plusSeconds(7200), 30, Set.of(), true,
				BigDecimal.ZERO, false);
	}

	private static WechatArticle article(String heading, List<CulturalEvent> events, Map<Long, EventImages.Poster> posters) {
		return WechatArticle.of(heading, events, posters, "https://qingxi.example", e -> "12-10 14:00", e -> "白石镇 二楼",
				key -> switch (key) {
					case "events.wechat.when" -> "时间：";
					case "events.wechat.where" -> "地点：";
					case "events.wechat.link" -> "详情与报名：";
					default -> "、";
				});
	}

	@Test
	void aPostersImageFillsThePhonesWidthAndIsTheCover() {
		WechatArticle article = article("讲座", List.of(event(7, "讲座", "说明")),
				Map.of(7L, new EventImages.Poster("abc123", "海报 \"冬\" <b>")));
		assertThat(article.cover()).isEqualTo("https://qingxi.example/events/7/image/abc123/mobile");
		assertThat(article.body()).contains("<img src=\"https://qingxi.example/events/7/image/abc123/mobile\" alt=\"海报 &quot;冬&quot; &lt;b&gt;\" "
				+ "style=\"width:100%;height:auto;display:block;\">");
		assertThat(article.body()).contains("时间：12-10 14:00<br>地点：白石镇 二楼")
			.contains("<a href=\"https://qingxi.example/events/7\">").doesNotContain("class=");
	}

	@Test
	void whatTheEventsSayIsEscapedAndTheLengthsAreTheEditors() {
		String longText = "长".repeat(200);
		WechatArticle article = article("标".repeat(80), List.of(event(1, "<script>x</script>", longText),
				event(2, "第二个 & 第三个", "")), Map.of());
		assertThat(article.cover()).isNull();
		assertThat(article.body()).contains("&lt;script&gt;x&lt;/script&gt;").contains("第二个 &amp; 第三个")
			.doesNotContain("<script>");
		assertThat(article.title().codePointCount(0, article.title().length())).isEqualTo(WechatArticle.TITLE_MAX);
		assertThat(article.title()).endsWith("…");
		assertThat(article.summary()).isEqualTo("<script>x</script>、第二个 & 第三个");
	}

}
