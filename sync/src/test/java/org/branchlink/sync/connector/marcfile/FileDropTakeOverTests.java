package org.branchlink.sync.connector.marcfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;

import org.branchlink.catalog.marc.MarcFixtures;
import org.branchlink.sync.RouteTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.branchlink.catalog.marc.MarcFixtures.cnmarc;

/**
 * A dropped file whose lock another node holds is left to it while the lock is renewed, and taken over once the lock
 * is older than {@code file-lock-max-age} (30 s) — the node holding it died — then ingested once. The other node is
 * played by its lock row.
 */
class FileDropTakeOverTests extends RouteTest {

	private static final String FILE = "held-by-another-node.mrc";

	private static final String KEY = "catalog-file/central-library/" + FILE;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFileLockedByALiveNodeIsLeftAndAFileLockedByADeadNodeIsTakenOver() throws Exception {
		Path folder = Files.createDirectories(DATA_DIR.resolve("drop/central-library"));
		jdbc.sql("insert into camel_messageprocessed (processorname, messageid, createdat) values ('sync-file-lock', :k, :at)")
			.param("k", KEY).param("at", new Timestamp(System.currentTimeMillis())).update();
		Path staging = Files.createDirectories(DATA_DIR.resolve("staging"));
		Files.move(Files.write(staging.resolve(FILE), MarcFixtures.iso2709("UTF-8",
				cnmarc("held-1", null, "佚名", "他节点持有的文件", "2024", "HELD-1"))), folder.resolve(FILE));

		// polled every 200 ms: left alone for 3 s while the other node's lock is fresh
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(folder.resolve(FILE)));
		assertThat(runs()).isZero();

		// the other node died: its lock is no longer renewed and grows older than the maximum age
		jdbc.sql("update camel_messageprocessed set createdat = :at where processorname = 'sync-file-lock' and messageid = :k")
			.param("k", KEY).param("at", new Timestamp(System.currentTimeMillis() - Duration.ofSeconds(31).toMillis())).update();
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.notExists(folder.resolve(FILE)) && runs() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("select count(*) from camel_messageprocessed"
				+ " where processorname = 'sync-file-lock' and messageid = :k").param("k", KEY).query(Integer.class).single() == 0);
		assertThat(runs()).isEqualTo(1);
	}

	private int runs() {
		return jdbc.sql("select count(*) from ingest_run where site_id = 'central-library' and source = :s")
			.param("s", FILE).query(Integer.class).single();
	}

}
