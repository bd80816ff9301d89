package org.branchlink.gateway.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.site.SiteDirectory;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing from outside runs in a page: hostile strings sent through every way data comes in (a pushed record, a MARC
 * upload in an OAI-PMH wrapper, a pushed event, a demand ticket and its answer, a reader's and a volunteer's name, a
 * service-menu item, a site's name in the registry) are shown as text on every page, and the pages forbid inline script.
 */
class HostileInputTests extends IntegrationTest {

	/** Each vector carries "xss" so that a stray element or handler is found by the marker. */
	static final List<String> VECTORS = List.of("<script>xss1()</script>", "\"><img src=x onerror=xss2()>",
			"' onmouseover='xss3()", "<svg/onload=xss4()>", "javascript:xss5()", "</mark><b>xss6</b><mark>",
			"<iframe srcdoc='xss7'></iframe>");

	static final String HOSTILE = String.join(" ", VECTORS);

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	AccountStore accounts;

	@Autowired
	SiteDirectory directory;

	@Test
	void hostileStringsFromEveryIntakeAreTextOnEveryPage() throws Exception {
		seed();
		try {
			RequestPostProcessor reader = user(accounts.loadUserByUsername("reader"));
			RequestPostProcessor librarian = user(accounts.loadUserByUsername("librarian"));
			RequestPostProcessor admin = user(accounts.loadUserByUsername("admin"));
			List<String> anonymousPages = List.of("/", "/sites/baishi", "/search?q=xssmarker", "/search?q=" + enc(HOSTILE),
					"/events", "/events?q=xssmarker", "/demand", "/login", "/search?q=xssmarker&lang=en");
			for (String page : anonymousPages) {
				inert(page, get(page));
			}
			for (String page : List.of("/my/loans", "/my/holds", "/my/registrations")) {
				inert(page, get(page).with(reader));
			}
			for (String page : List.of("/circulation?site=baishi", "/ingest", "/transfers", "/holds/pull?site=baishi",
					"/menu", "/volunteers", "/demand/tickets", "/events/new")) {
				inert(page, get(page).with(librarian));
			}
			for (String page : List.of("/rotas", "/planning", "/dashboard", "/reports/2026-Q4", "/surveys",
					"/demand/tickets")) {
				inert(page, get(page).with(admin));
			}
			String work = firstWork();
			inert("/works/" + work, get("/works/" + work));
			String searchPage = page(get("/search?q=xssmarker"));
			assertThat(Jsoup.parse(searchPage).text()).as("the hostile title is shown, as text")
				.contains("<script>xss1()</script>");
		}
		finally {
			directory.load(DemoCounty.registryYaml(), "demo-county.yml", false);
		}
	}

	@Test
	void everyAnswerForbidsInlineScriptAndKeepsTheAddressToItself() throws Exception {
		for (String path : List.of("/", "/search?q=x", "/api/sites/baishi")) {
			mvc.perform(get(path))
				.andExpect(header().string("Content-Security-Policy", Matchers.allOf(
						Matchers.containsString("script-src 'self'"),
						Matchers.containsString("object-src 'none'"),
						Matchers.containsString("frame-ancestors 'none'"))))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
				.andExpect(header().string("Permissions-Policy", Matchers.containsString("camera=()")));
		}
		String csp = mvc.perform(get("/")).andReturn().getResponse().getHeader("Content-Security-Policy");
		String scriptSrc = csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src")));
		assertThat(scriptSrc).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
	}

	@Test
	void theSessionCookieIsSameSiteLax() throws Exception {
		// the page session's cookie (Spring Session's, the session in the cluster's map): ask the running server
		HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=")
			.contains("SameSite=Lax").contains("HttpOnly"));
	}

	/** No page of ours carries inline script or inline event handlers (the policy would block them). */
	@Test
	void noPageCarriesInlineScript() throws Exception {
		RequestPostProcessor librarian = user(accounts.loadUserByUsername("librarian"));
		for (var request : List.of(get("/"), get("/search?q=红楼梦"), get("/events"), get("/demand"),
				get("/circulation?site=baishi").with(librarian), get("/transfers").with(librarian))) {
			Document doc = Jsoup.parse(page(request));
			for (Element script : doc.select("script")) {
				assertThat(script.hasAttr("src")).as("inline script in %s", script).isTrue();
			}
			for (Element element : doc.getAllElements()) {
				for (Attribute attribute : element.attributes()) {
					assertThat(attribute.getKey()).as("handler on %s", element.tagName()).doesNotStartWith("on");
				}
			}
		}
	}

	private void seed() throws Exception {
		// a site's system pushes a record
		mvc.perform(post("/api/sites/central-library/records").header("X-API-Key", "demo-central-library-key")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(List.of(Map.of("id", "xss-1", "title", "xssmarker pushed " + HOSTILE, "authors",
					List.of("xssmarker " + HOSTILE), "publisher", HOSTILE, "subjects", List.of(HOSTILE), "items",
					List.of(Map.of("barcode", "XSS0001", "callNumber", HOSTILE, "location", HOSTILE)))))))
			.andExpect(status().is2xxSuccessful());
		// a MARC file as an OAI-PMH harvest delivers it (the same wrapper the harvester reads)
		mvc.perform(multipart("/api/sites/baishi/ingest")
			.file(new MockMultipartFile("file", "oai.xml", "application/xml", oaiRecord().getBytes(StandardCharsets.UTF_8)))
			.with(httpBasic("admin", "demo-admin"))).andExpect(status().is2xxSuccessful());
		// a pushed event
		OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0);
		String pushed = mvc.perform(post("/api/sites/central-library/events").header("X-API-Key", "demo-central-library-key")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(List.of(Map.of("uid", "xss-event", "sequence", 0, "category", "lecture",
					"siteId", "central-library", "title", "xssmarker " + HOSTILE, "description", HOSTILE, "place",
					HOSTILE, "starts", starts.toString(), "ends", starts.plusHours(1).toString())))))
			.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
		assertThat(pushed).as("the event is stored").doesNotContain("refused");
		// a resident's need, published and answered
		String receipt = mvc.perform(post("/api/demand").contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("body", "xssmarker " + HOSTILE, "siteId", "baishi", "name",
					VECTORS.get(1), "contact", VECTORS.get(0) + VECTORS.get(3)))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String reference = json.readTree(receipt).get("reference").asString();
		long ticket = Long.parseLong(reference.substring(reference.indexOf('-') + 1));
		mvc.perform(post("/api/demand/tickets/" + ticket + "/review").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"publish\":true}")).andExpect(status().isOk());
		mvc.perform(post("/api/demand/tickets/" + ticket + "/classify").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"individual\",\"initiative\":\"active\","
					+ "\"audience\":\"general\",\"urgency\":\"normal\",\"difficulty\":\"easy\",\"disposition\":\"handle\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/demand/tickets/" + ticket + "/answer").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("answer", HOSTILE, "publish", true)))).andExpect(status().isOk());
		// names typed by staff
		mvc.perform(post("/api/volunteers").with(httpBasic("librarian", "demo-librarian")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("name", "<b>xss6</b>", "birthDate", "1990-01-01", "homeSite", "baishi",
					"skills", List.of("<script>xss1()</script>")))))
			.andExpect(status().is2xxSuccessful());
		mvc.perform(post("/api/menu/items").with(httpBasic("admin", "demo-admin")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("providerSite", "culture-hall", "category", "lecture", "title",
					HOSTILE, "content", HOSTILE, "unit", "场", "quantityPerPeriod", 3, "period", "month"))))
			.andExpect(status().is2xxSuccessful());
		// a site named by the registry's author
		String registry = DemoCounty.registryYaml().replace("name: {zh: 白石镇综合文化站,",
				"name: {zh: '白石镇 <script>xss1()</script> \"><img src=x onerror=xss2()>',");
		assertThat(registry).contains("xss1");
		mvc.perform(put("/api/sites").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.parseMediaType("application/yaml")).content(registry))
			.andExpect(status().is2xxSuccessful());
	}

	private static String oaiRecord() {
		String title = escapeXml("xssmarker harvested " + HOSTILE);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record>
				<header><identifier>oai:x:1</identifier><datestamp>2026-11-01</datestamp></header>
				<metadata><marc:record xmlns:marc="http://www.loc.gov/MARC21/slim">
				<marc:leader>00000nam a2200000 a 4500</marc:leader>
				<marc:controlfield tag="001">xss-oai-1</marc:controlfield>
				<marc:datafield tag="100" ind1="1" ind2=" "><marc:subfield code="a">%s</marc:subfield></marc:datafield>
				<marc:datafield tag="245" ind1="1" ind2="0"><marc:subfield code="a">%s</marc:subfield></marc:datafield>
				<marc:datafield tag="260" ind1=" " ind2=" "><marc:subfield code="b">%s</marc:subfield></marc:datafield>
				</marc:record></metadata></record></ListRecords></OAI-PMH>
				""".formatted(title, title, title);
	}

	private static String escapeXml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private String firstWork() throws Exception {
		String answer = mvc.perform(get("/api/search").param("q", "xssmarker")).andReturn().getResponse()
			.getContentAsString();
		assertThat(json.readTree(answer).get("total").asInt()).as("the hostile records are searchable").isGreaterThan(0);
		return json.readTree(answer).get("works").get(0).get("id").asString();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		response.setCharacterEncoding("UTF-8");
		return response.getContentAsString();
	}

	/** The page answers, and nothing hostile became an element, an attribute or a link. */
	private void inert(String name, MockHttpServletRequestBuilder request) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(name).isLessThan(400);
		response.setCharacterEncoding("UTF-8");
		Document doc = Jsoup.parse(response.getContentAsString());
		List<String> found = new ArrayList<>();
		for (Element element : doc.getAllElements()) {
			String tag = element.tagName();
			boolean injected = tag.equals("script") && element.data().contains("xss")
					|| tag.equals("img") && element.attr("src").equals("x") || tag.equals("iframe")
					|| tag.equals("b") && element.ownText().strip().equals("xss6");
			if (injected) {
				found.add(element.outerHtml());
			}
			for (Attribute attribute : element.attributes()) {
				String key = attribute.getKey().toLowerCase();
				String value = attribute.getValue().toLowerCase().strip();
				if (key.startsWith("on") || key.equals("srcdoc") || value.startsWith("javascript:")) {
					found.add(tag + " " + key + "=" + value);
				}
			}
		}
		assertThat(found).as("markup made of outside data on %s", name).isEmpty();
	}

}
