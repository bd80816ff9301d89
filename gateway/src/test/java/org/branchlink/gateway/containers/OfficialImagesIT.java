package org.branchlink.gateway.containers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The same application against the official PostgreSQL and Solr images, switched by configuration alone: an external
 * PostgreSQL by {@code spring.datasource.url}, a standalone Solr by {@code branchlink.catalog.solr.url} with the
 * repository's configset and the {@code analysis-extras} module its smartcn and ICU analysers need. Runs where Docker
 * runs and the two images are there or can be pulled; skipped elsewhere (this project's machines reach no image
 * registry: {@link ClusterTierIT} is the tier that runs there, on images built from Debian's packages).
 */
@Testcontainers(disabledWithoutDocker = true)
@EnabledIf("imagesAvailable")
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class OfficialImagesIT {

	private static final String POSTGRES = "postgres:18";

	private static final String SOLR = "solr:9.10.1";

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES);

	@Container
	static final GenericContainer<?> solr = new GenericContainer<>(SOLR).withExposedPorts(8983)
		.withEnv("SOLR_MODULES", "analysis-extras")
		.withCopyFileToContainer(MountableFile.forHostPath("../deploy/solr/configsets/catalog"),
				"/opt/solr/server/solr/configsets/catalog")
		.withCommand("solr-precreate", "catalog", "/opt/solr/server/solr/configsets/catalog")
		.waitingFor(Wait.forHttp("/solr/catalog/admin/ping").forStatusCode(200)
			.withStartupTimeout(Duration.ofMinutes(3)));

	@DynamicPropertySource
	static void external(DynamicPropertyRegistry registry) {
		registry.add("branchlink.demo.activity-days", () -> "0");
		registry.add("branchlink.demo.catalogue-records", () -> "400");
		registry.add("branchlink.demo.service-history", () -> "false");
		registry.add("spring.datasource.url", postgres::getJdbcUrl);
		registry.add("spring.datasource.username", postgres::getUsername);
		registry.add("spring.datasource.password", postgres::getPassword);
		registry.add("branchlink.catalog.solr.url",
				() -> "http://" + solr.getHost() + ":" + solr.getMappedPort(8983) + "/solr");
		registry.add("branchlink.gateway.data-dir", () -> IntegrationTest.freshDataDir().toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	SiteDirectory directory;

	@Autowired
	CatalogSearch search;

	@Test
	void runsOnExternalPostgresAndSolr() throws Exception {
		assertThat(directory.require().size()).isEqualTo(181);
		mvc.perform(get("/actuator/health").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.solr.details.mode").value("standalone"))
			.andExpect(jsonPath("$.components.solr.details.documents").value(search.countDocuments()));
		assertThat(search.countDocuments()).as("the demo's works and events indexed").isGreaterThan(100);
	}

	/** Both images on this machine, or pulled now; false where no registry answers (then the test is skipped). */
	static boolean imagesAvailable() {
		if (!DockerClientFactory.instance().isDockerAvailable()) {
			return false;
		}
		for (String image : List.of(POSTGRES, SOLR)) {
			try {
				DockerClientFactory.instance().client().inspectImageCmd(image).exec();
			}
			catch (RuntimeException missing) {
				try {
					DockerClientFactory.instance().client().pullImageCmd(image).start().awaitCompletion(5, TimeUnit.MINUTES);
				}
				catch (RuntimeException | InterruptedException unreachable) {
					return false;
				}
			}
		}
		return true;
	}

}
