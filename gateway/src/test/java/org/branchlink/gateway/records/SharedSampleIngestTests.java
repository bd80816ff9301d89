package org.branchlink.gateway.records;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.IngestReport;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real records of {@code ../shared/data} (exports of production systems, malformed ones included) go through the
 * real ingest: every refused record is in the quarantine with a reason, every other one is stored and searchable.
 */
class SharedSampleIngestTests extends IntegrationTest {

	private static final Path DATA = Path.of("../../shared/data");

	@Autowired
	CatalogIngest ingest;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMalformedRecordIsQuarantinedAndTheOthersAreSearchable() throws Exception {
		assumeTrue(Files.isDirectory(DATA), "../shared/data is not beside this clone");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(DATA)) {
			files = walk.filter(Files::isRegularFile)
				.filter(p -> p.toString().matches(".*\\.(mrc|marc|dat|xml)$"))
				.sorted()
				.toList();
		}
		int read = 0;
		int quarantined = 0;
		int stored = 0;
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				IngestReport report = ingest.ingestMarc("culture-hall", DATA.relativize(file).toString(), in,
						MarcCharset.AUTO, IngestMode.INCREMENTAL);
				assertThat(report.state()).as(file.toString()).isEqualTo("finished");
				read += report.read();
				quarantined += report.quarantined();
				stored += report.added() + report.updated() + report.unchanged();
			}
		}
		int reasons = jdbc.sql("select count(*) from quarantine where site_id = 'culture-hall' and reason <> ''")
			.query(Integer.class).single();
		int records = jdbc.sql("select count(*) from bib_record where site_id = 'culture-hall'").query(Integer.class).single();
		int searchable = jdbc.sql("""
				select count(distinct work_id) from bib_record where site_id = 'culture-hall'""").query(Integer.class).single();

		assertThat(read).isEqualTo(2741);
		assertThat(quarantined).isEqualTo(262);
		assertThat(stored).isEqualTo(read - quarantined);
		assertThat(reasons).isEqualTo(quarantined);
		// the sample files reuse record ids (001 "1", "2"…), so fewer distinct records remain than were stored
		assertThat(records).isEqualTo(1929);
		assertThat(searchable).isPositive();
	}

}
