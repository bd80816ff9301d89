package org.branchlink.gateway.holds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
 * Two application nodes on one PostgreSQL: 1,000 readers place holds at once on a title with a single copy, half
 * through each node. The copy is allocated exactly once.
 */
class TwoNodeHoldTests extends IntegrationTest {

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	HoldService nodeA;

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
		try (ConfigurableApplicationContext b = new SpringApplicationBuilder(BranchLinkApplication.class).run(
				"--server.port=0", "--branchlink.gateway.data-dir=" + IntegrationTest.freshDataDir(),
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.main.banner-mode=off",
				// Quartz keeps data sources in a JVM-wide registry by scheduler name: in one test JVM the second node
				// needs its own name, or closing it would close the first node's job store connection
				"--spring.quartz.scheduler-name=branchlink-second-node")) {
			HoldService nodeB = b.getBean(HoldService.class);
			ExecutorService pool = Executors.newFixedThreadPool(32);
			try {
				List<Future<HoldService.HoldView>> placed = new ArrayList<>();
				for (int i = 0; i < people.size(); i++) {
					HoldService node = i % 2 == 0 ? nodeA : nodeB;
					Reader reader = people.get(i);
					placed.add(pool.submit(() -> node.place(reader, work, null, "baishi")));
				}
				for (Future<HoldService.HoldView> f : placed) {
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

}
