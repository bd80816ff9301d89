package org.branchlink.gateway.site;

import java.nio.charset.StandardCharsets;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The site directory API: public reads, central staff's registry upload. */
class SiteApiTests extends IntegrationTest {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final String SMALL_REGISTRY = """
			federation:
			  id: qingxi
			  name: {zh: 青溪县, en: Qingxi County}
			  area-code: "330398000000"
			sites:
			  - id: central-library
			    kind: central_library
			    name: {zh: 青溪县图书馆, en: Qingxi County Library}
			    service-lines: [library]
			    area-code: "330398001000"
			    location: {lat: 27.55, lon: 120.05}
			  - id: baishi
			    kind: township_station
			    name: {zh: 白石镇综合文化站, en: Baishi Town Culture Station}
			    service-lines: [library, culture_center]
			    parent: central-library
			    area-code: "330398101000"
			    location: {lat: 27.57, lon: 120.17}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	SiteDirectory directory;

	@AfterEach
	void restoreDemoCounty() {
		directory.load(DemoCounty.registryYaml(), "demo-county.yml", false);
	}

	@Test
	void anyoneReadsTheFederationTree() throws Exception {
		mvc.perform(get("/api/sites"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("qingxi"))
			.andExpect(jsonPath("$.areaCode").value("330398000000"))
			.andExpect(jsonPath("$.siteCount").value(181))
			.andExpect(jsonPath("$.tree[0].id").value("central-library"))
			.andExpect(jsonPath("$.tree[0].children[?(@.id == 'baishi')].children.length()").value(11))
			.andExpect(jsonPath("$.tree[1].id").value("culture-hall"));
	}

	@Test
	void oneSiteShowsItsPlaceInTheHierarchy() throws Exception {
		String village = directory.require().childrenOf("baishi").get(0).id();

		mvc.perform(get("/api/sites/" + village))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("village_center"))
			.andExpect(jsonPath("$.level").value("service_point"))
			.andExpect(jsonPath("$.parent").value("baishi"))
			.andExpect(jsonPath("$.township").value("baishi"))
			.andExpect(jsonPath("$.serviceLines.length()").value(2))
			.andExpect(jsonPath("$.location.lat").isNumber());
	}

	@Test
	void unknownSiteIsANotFoundProblem() throws Exception {
		mvc.perform(get("/api/sites/atlantis"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://branchlink.org/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("no site 'atlantis'"));
	}

	@Test
	void anInvalidRegistryIsRefusedWholeAndLoadsNothing() throws Exception {
		String invalid = SMALL_REGISTRY.replace("parent: central-library", "parent: nowhere") + """
				  - id: brand-new
				    kind: village_center
				    name: {zh: 新村, en: New Village}
				    service-lines: [library]
				    parent: baishi
				    area-code: "330398101299"
				    location: {lat: 27.58, lon: 120.18}
				""";

		mvc.perform(put("/api/sites").with(httpBasic("admin", "demo-admin")).contentType(YAML).content(invalid))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://branchlink.org/problems/invalid-registry"))
			.andExpect(jsonPath("$.problems[0].site").value("baishi"))
			.andExpect(jsonPath("$.problems[0].line").value(12))
			.andExpect(jsonPath("$.problems[0].message").value("unknown parent 'nowhere'"));

		assertThat(directory.require().size()).isEqualTo(181);
		assertThat(directory.require().find("brand-new")).isEmpty();
	}

	@Test
	void centralAdminReplacesTheRegistry() throws Exception {
		mvc.perform(put("/api/sites").with(httpBasic("admin", "demo-admin"))
			.contentType(YAML)
			.content(SMALL_REGISTRY.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sites").value(2))
			.andExpect(jsonPath("$.changed").value(true))
			.andExpect(jsonPath("$.byKind.township_station").value(1));

		assertThat(directory.require().size()).isEqualTo(2);
		mvc.perform(get("/api/sites/baishi")).andExpect(jsonPath("$.children.length()").value(0));

		mvc.perform(put("/api/sites").with(httpBasic("admin", "demo-admin")).contentType(YAML).content(SMALL_REGISTRY))
			.andExpect(jsonPath("$.changed").value(false));
	}

	@Test
	void readersAndLibrariansMayNotReplaceTheRegistry() throws Exception {
		for (String[] login : new String[][] { { "reader", "demo-reader" }, { "librarian", "demo-librarian" } }) {
			mvc.perform(put("/api/sites").with(httpBasic(login[0], login[1])).contentType(YAML).content(SMALL_REGISTRY))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		mvc.perform(put("/api/sites").contentType(YAML).content(SMALL_REGISTRY))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(directory.require().size()).isEqualTo(181);
	}

}
