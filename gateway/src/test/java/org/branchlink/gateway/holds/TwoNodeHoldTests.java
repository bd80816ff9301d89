package org.branchlink.gateway.holds;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.hazelcast.core.HazelcastInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.branchlink.gateway.BranchLinkApplication;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two more application nodes on this test's PostgreSQL, forming one Hazelcast cluster of their own: 1,000 readers place
 * holds at once on a title with a single copy, half through each node. The copy is allocated exactly once (the
 * database decides).
 */
class TwoNodeHoldTests extends IntegrationTest {

	@Autowired
	EmbeddedPostgres postgres;


	@Autowired
	ReaderRegistry readers;

	@Autowired
	JdbcClient jdbc;


	@Test
	void aThousandHoldsOnTheLastCopyThroughTwoNodesAllocateItOnce() throws Exception {
		String work = jdbc.sql("""
				select r.work_id from bib_record r join item i on i.site_id = r.site_id and i.record_id = r.record_id
				where i.status = 'available' and not exists (select 1 from circulation_item c where c.barcode = i.barcode)
				  and not exists (select 1 from hold h where h.work_id = r.work_id)
				group by r.work_id having count(*) = 1 order by md5(r.work_id) desc limit 1""").query(String.class).single();
		List<Reader> people = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			people.add(readers.register(new ReaderRegistry.Registration("双节点读者" + i, LocalDate.of(1990, 1, 1), "adult",
					"baishi", null, false, null, null, null)));
		}
		int portB = freePort();
		int portC = freePort();
		// one after the other: two Spring Boot applications starting at once in one JVM can race on the shared logging
		// system ("Unable to find Spring Environment in logger context"); each node's Hazelcast member joins the other
		// whenever it comes up
		try (ConfigurableApplicationContext b = node("b", portB, portC);
				ConfigurableApplicationContext c = node("c", portC, portB)) {
			HazelcastInstance memberB = b.getBean(HazelcastInstance.class);
			Awaitility.await().atMost(Duration.ofSeconds(60))
				.until(() -> memberB.getCluster().getMembers().size() == 2);
			HoldQueue nodeB = b.getBean(HoldQueue.class);
			HoldQueue nodeC = c.getBean(HoldQueue.class);
			ExecutorService pool = Executors.newFixedThreadPool(32);
			try {
				List<Future<HoldQueue.HoldView>> placed = new ArrayList<>();
				for (int i = 0; i < people.size(); i++) {
					HoldQueue node = i % 2 == 0 ? nodeB : nodeC;
					Reader reader = people.get(i);
					placed.add(pool.submit(() -> node.place(reader, work, null, "baishi")));
				}
				for (Future<HoldQueue.HoldView> f : placed) {
					f.get();
				}
			}
			finally {
				pool.shutdown();
			}
		}
		assertThat(jdbc.sql("select count(*) from hold where work_id = :w and status = 'allocated'").param("w", work)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from hold where work_id = :w").param("w", work).query(Integer.class).single())
			.isEqualTo(1000);
	}

	/**
	 * An application node on this test's PostgreSQL, with its own data directory, Quartz scheduler name (Quartz keeps
	 * data sources in a JVM-wide registry by that name) and Hazelcast port, listing the other node as member.
	 */
	private ConfigurableApplicationContext node(String name, int port, int otherPort) {
		return new SpringApplicationBuilder(BranchLinkApplication.class).run("--server.port=0",
				"--branchlink.gateway.data-dir=" + IntegrationTest.freshDataDir(),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=" + IntegrationTest.databasePassword(),
				"--spring.main.banner-mode=off", "--spring.quartz.scheduler-name=branchlink-node-" + name,
				"--branchlink.gateway.cluster.name=holds-two-nodes", "--branchlink.gateway.cluster.port=" + port,
				"--branchlink.gateway.cluster.members=127.0.0.1:" + otherPort);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
