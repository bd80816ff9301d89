package org.branchlink.gateway.events;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.branchlink.catalog.event.EventImages;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.SessionCookie;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.CountySettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An event's poster: uploaded with the staff form (JPEG, PNG or WebP by their bytes, at most 2 MB, with its text),
 * refused beside its field with the rest of the form kept, served publicly at a URL named by its hash (cached, an
 * ETag, its stored type, nosniff), shown on the event's page and card, replaced and removed.
 */
class EventImageTests extends IntegrationTest {

	private static final int TWO_MB = 2 * 1024 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	EventImages images;

	@Autowired
	CountySettings county;

	@LocalServerPort
	int port;

	static byte[] png(Color color) {
		return png(color, 64, 36);
	}

	static byte[] png(Color color, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			for (int y = 0; y < height; y++) {
				image.setRGB(x, y, color.getRGB());
			}
		}
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private MockMultipartHttpServletRequestBuilder form(String path, String title, MockMultipartFile image, String alt) {
		MockMultipartHttpServletRequestBuilder request = multipart(path);
		if (image != null) {
			request.file(image);
		}
		request.with(csrf()).with(user(accounts.loadUserByUsername("librarian")));
		request.param("title", title)
			.param("category", "exhibition")
			.param("siteId", "baishi")
			.param("starts", LocalDateTime.now(county.zone()).plusDays(4).truncatedTo(ChronoUnit.MINUTES).toString())
			.param("minutes", "120")
			.param("imageAlt", alt);
		return request;
	}

	private static MockMultipartFile file(String name, String type, byte[] bytes) {
		return new MockMultipartFile("image", name, type, bytes);
	}

	private long publish(String title, byte[] png, String alt) throws Exception {
		String location = mvc.perform(form("/events", title, file("poster.png", "image/png", png), alt))
			.andExpect(redirectedUrlPattern("/events/*/registrants"))
			.andReturn().getResponse().getRedirectedUrl();
		return Long.parseLong(location.split("/")[2]);
	}

	@Test
	void aPosterIsStoredServedWithItsHashAndShownOnTheEventAndItsCard() throws Exception {
		byte[] png = png(Color.RED);
		long id = publish("乡村摄影展开幕", png, "一幅红色的摄影展海报");
		String sha = images.find(id).orElseThrow().sha256();
		String url = "/events/" + id + "/image/" + sha;

		byte[] served = mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("ETag", "\"" + sha + "\""))
			.andExpect(header().string("Cache-Control", allOf(containsString("max-age=31536000"), containsString("public"),
					containsString("immutable"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(served).isEqualTo(png);
		mvc.perform(get(url).header("If-None-Match", "\"" + sha + "\"")).andExpect(status().isNotModified());
		mvc.perform(get("/events/" + id + "/image/0ld")).andExpect(status().isFound()).andExpect(redirectedUrl(url));
		mvc.perform(get("/events/" + (id + 100_000) + "/image/" + sha)).andExpect(status().isNotFound());

		mvc.perform(get("/events/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("src=\"" + url + "\""), containsString("alt=\"一幅红色的摄影展海报\""))));
		mvc.perform(get("/events").param("q", "乡村摄影展开幕"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("src=\"" + url + "\""), containsString("loading=\"lazy\""))));
	}

	@Test
	void aPhoneWidthRenditionIsScaledDownOnceAndASmallPosterServedAsItIs() throws Exception {
		long wide = publish("宽幅海报展", png(Color.BLUE, 2400, 1200), "一幅蓝色的宽幅海报");
		String sha = images.find(wide).orElseThrow().sha256();
		String url = "/events/" + wide + "/image/" + sha + "/mobile";
		byte[] scaled = mvc.perform(get(url))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("Cache-Control", containsString("immutable")))
			.andReturn().getResponse().getContentAsByteArray();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(scaled));
		assertThat(image.getWidth()).isEqualTo(1080);
		assertThat(image.getHeight()).isEqualTo(540);
		assertThat(new Color(image.getRGB(540, 270))).isEqualTo(Color.BLUE);
		mvc.perform(get("/events/" + wide + "/image/0ld/mobile")).andExpect(status().isFound()).andExpect(redirectedUrl(url));

		byte[] small = png(Color.GREEN);
		long narrow = publish("小幅海报展", small, "一幅绿色的小海报");
		assertThat(mvc.perform(get("/events/" + narrow + "/image/" + images.find(narrow).orElseThrow().sha256() + "/mobile"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(small);
	}

	@Test
	void aFileThatIsNoImageOneTooLargeOrOneWithoutItsTextIsRefusedBesideItsFieldAndTheFormKept() throws Exception {
		byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
		mvc.perform(form("/events", "剪纸展", file("poster.png", "image/png", gif), "海报"))
			.andExpect(redirectedUrl("/events/new"))
			.andExpect(flash().attribute("problems", Map.of("image", "events.form.image.type")))
			.andExpect(flash().attributeExists("form", "refused"));
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
		mvc.perform(form("/events", "剪纸展", file("poster.jpg", "image/jpeg", html), "海报"))
			.andExpect(flash().attribute("problems", Map.of("image", "events.form.image.type")));

		byte[] tooLarge = Arrays.copyOf(png(Color.BLUE), TWO_MB + 1);
		SessionCookie session = new SessionCookie();
		session.perform(mvc, form("/events", "剪纸展", file("big.png", "image/png", tooLarge), "海报"))
			.andExpect(redirectedUrl("/events/new"))
			.andExpect(flash().attribute("problems", Map.of("image", "events.form.image.tooLarge")));
		mvc.perform(form("/events", "剪纸展", file("poster.png", "image/png", png(Color.BLUE)), " "))
			.andExpect(flash().attribute("problems", Map.of("imageAlt", "events.form.imageAlt.required")));

		long atTheLimit = publish("剪纸展（大图）", Arrays.copyOf(png(Color.GREEN), TWO_MB), "绿色海报");
		assertThat(images.find(atTheLimit).orElseThrow().bytes()).hasSize(TWO_MB);

		// the refused form, kept in the page session, comes back filled in on the next page
		session.perform(mvc, get("/events/new").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("图片超过 2 MB，请压缩后重新选择。"), containsString("value=\"剪纸展\""),
					containsString("enctype=\"multipart/form-data\""), containsString("for=\"ev-image\""),
					containsString("for=\"ev-image-alt\""))));
	}

	@Test
	void staffReplaceThePosterChangeItsTextAndRemoveIt() throws Exception {
		long id = publish("少儿绘本展", png(Color.ORANGE), "橙色海报");
		String first = images.find(id).orElseThrow().sha256();

		mvc.perform(form("/events/" + id, "少儿绘本展", file("new.png", "image/png", png(Color.CYAN)), "青色海报"))
			.andExpect(redirectedUrl("/events/" + id + "/registrants"));
		assertThat(images.find(id).orElseThrow().sha256()).isNotEqualTo(first);
		mvc.perform(get("/events/" + id + "/image/" + first)).andExpect(status().isFound());

		mvc.perform(form("/events/" + id, "少儿绘本展", null, ""))
			.andExpect(flash().attribute("problems", Map.of("imageAlt", "events.form.imageAlt.required")));
		mvc.perform(form("/events/" + id, "少儿绘本展", null, "青色的绘本展海报"));
		assertThat(images.find(id).orElseThrow().alt()).isEqualTo("青色的绘本展海报");

		mvc.perform(form("/events/" + id, "少儿绘本展", null, "").param("removeImage", "true"))
			.andExpect(redirectedUrl("/events/" + id + "/registrants"));
		assertThat(images.find(id)).isEmpty();
		mvc.perform(get("/events/" + id)).andExpect(content().string(not(containsString("/image/"))));
	}

	@Test
	void theEventFormTakesABodyLargerThanOtherPagesUpToItsOwnLimit() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<Void> threeMb = http.send(upload(3 * 1024 * 1024), HttpResponse.BodyHandlers.discarding());
		assertThat(threeMb.statusCode()).as("past the size filter, stopped by sign-in and CSRF").isNotEqualTo(413);
		HttpResponse<Void> elevenMb = http.send(upload(11 * 1024 * 1024), HttpResponse.BodyHandlers.discarding());
		assertThat(elevenMb.statusCode()).isEqualTo(413);
	}

	private HttpRequest upload(int size) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events"))
			.header("Content-Type", "multipart/form-data; boundary=x")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[size]))
			.build();
	}

}
