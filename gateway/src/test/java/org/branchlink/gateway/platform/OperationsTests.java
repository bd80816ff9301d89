package org.branchlink.gateway.platform;

import java.time.Duration;

import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.branchlink.gateway.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Operations: health, metrics and the OpenAPI description, and who may see them. */
class OperationsTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;


	@Test
	void healthCoversPostgresSolrAndHazelcast() throws Exception {
		mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.db.details.database").value("PostgreSQL"))
			.andExpect(jsonPath("$.components.solr.status").value("UP"))
			.andExpect(jsonPath("$.components.solr.details.mode").value("embedded"))
			.andExpect(jsonPath("$.components.solr.details.documents", Matchers.greaterThanOrEqualTo(180)))
			.andExpect(jsonPath("$.components.hazelcast.status").value("UP"));
	}

	@Autowired
	JdbcClient jdbc;

	/** The embedding library starts PostgreSQL with synchronous_commit off; accepted events must survive a power cut. */
	@Test
	void theEmbeddedDatabaseCommitsToDiskBeforeAnswering() {
		Assertions.assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
			.isEqualTo("on");
	}

	@Test
	void anonymousHealthShowsStatusWithoutDetails() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.solr.details").doesNotExist());
	}

	@Test
	void everyCamelRouteIsInTheHealthDetailsAndTheMetrics() throws Exception {
		mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.camelHealth.status").value("UP"))
			.andExpect(jsonPath("$.components.camelHealth.details['route:notifications']").value("UP"))
			.andExpect(jsonPath("$.components.camelHealth.details['route:report-drop']").value("UP"))
			.andExpect(jsonPath("$.components.camelHealth.details['route:sync-dead-letter']").value("UP"));
		// the notices route runs every second in the tests: its completed exchanges count up
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> completed("notifications") >= 2);
		String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo-admin")))
			.andReturn().getResponse().getContentAsString();
		Assertions.assertThat(metrics).contains("branchlink_camel_exchanges_total{outcome=\"failed\",route=\"report-submit\"}")
			.contains("branchlink_camel_route_started{route=\"circulation.intake\"} 1.0")
			.contains("branchlink_camel_exchanges_inflight{route=\"report-drop\"}");
	}

	private double completed(String route) throws Exception {
		String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo-admin")))
			.andReturn().getResponse().getContentAsString();
		String line = "branchlink_camel_exchanges_total{outcome=\"completed\",route=\"" + route + "\"} ";
		return metrics.lines().filter(l -> l.startsWith(line)).mapToDouble(l -> Double.parseDouble(l.substring(line.length())))
			.findFirst().orElse(0);
	}

	@Test
	void prometheusMetricsForCentralAdmins() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory_used_bytes")))
			.andExpect(content().string(containsString("hikaricp_connections")));
	}

	@Test
	void openApiDescribesTheApiWithRoles() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("BranchLink API"))
			.andExpect(jsonPath("$.paths['/api/sites'].get.description").value("Role: anyone."))
			.andExpect(jsonPath("$.paths['/api/sites'].put.description", containsString("CENTRAL_ADMIN")))
			.andExpect(jsonPath("$.paths['/api/sites/{id}']").exists())
			.andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-API-Key"));
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

}
