package org.branchlink.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrInputDocument;
import org.branchlink.catalog.CatalogProperties;
import org.branchlink.catalog.index.SolrClientConfiguration;
import org.branchlink.catalog.index.WorkDocuments;
import org.branchlink.catalog.ingest.WorkStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The catalogue benchmark's raw engine figure: every work's document rebuilt from the database (untimed), added with
 * plain SolrJ in batches of 1,000 on one thread to a fresh {@code EmbeddedSolrServer} on the repository's configset,
 * then one hard commit; only the {@code add} and {@code commit} calls are timed. {@link #inThisJvm} runs on the
 * benchmark's JVM (its compiled code warm from the load); {@link #inFreshJvm} in a new JVM, so that a load measured
 * on a cold JVM is compared with a cold engine.
 */
final class RawAdd {

	private RawAdd() {
	}

	/**
	 * Child JVM entry: {@code RawAdd <jdbc url> <user> <solr home>}, the password on standard input (not on a command
	 * line every local user can read); prints {@code raw-seconds=<s>}.
	 */
	public static void main(String[] args) throws Exception {
		String password = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
		SingleConnectionDataSource database = new SingleConnectionDataSource(args[0], args[1], password, true);
		JdbcTemplate jdbc = new JdbcTemplate(database);
		System.out.println("raw-seconds=" + inThisJvm(new WorkStore(jdbc, JdbcClient.create(jdbc)), JdbcClient.create(jdbc),
				Path.of(args[2])));
		database.destroy();
		System.exit(0);
	}

	static double inFreshJvm(String jdbcUrl, String user, String password, Path solrHome) throws Exception {
		String heap = "-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m"; // the benchmark JVM's
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
				"-Dsolr.log.dir=" + solrHome.resolveSibling("raw-solr-logs"), "-cp", System.getProperty("java.class.path"),
				RawAdd.class.getName(), jdbcUrl, user, solrHome.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try (var in = child.getOutputStream()) {
			in.write(password.getBytes(StandardCharsets.UTF_8));
		}
		String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!child.waitFor(30, TimeUnit.MINUTES) || child.exitValue() != 0) {
			throw new IllegalStateException("the raw add's JVM failed: " + out);
		}
		return out.lines()
			.filter(line -> line.startsWith("raw-seconds="))
			.mapToDouble(line -> Double.parseDouble(line.substring("raw-seconds=".length())))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the raw add's JVM printed no figure: " + out));
	}

	static double inThisJvm(WorkStore store, JdbcClient jdbc, Path solrHome) throws Exception {
		List<String> ids = jdbc.sql("select distinct work_id from bib_record order by work_id").query(String.class).list();
		CatalogProperties properties = new CatalogProperties(new CatalogProperties.Solr(solrHome, List.of(), "", "",
				"catalog", "catalog", 1, 1, Duration.ofSeconds(5), Duration.ofSeconds(30)));
		long adding = 0;
		try (SolrClient raw = new SolrClientConfiguration().solrClient(properties)) {
			for (int from = 0; from < ids.size(); from += 1000) {
				List<SolrInputDocument> docs = new ArrayList<>();
				store.load(ids.subList(from, Math.min(ids.size(), from + 1000)))
					.forEach((id, held) -> docs.addAll(WorkDocuments.documents(id, held, store.sites())));
				long t = System.nanoTime();
				raw.add(docs);
				adding += System.nanoTime() - t;
			}
			long t = System.nanoTime();
			raw.commit();
			adding += System.nanoTime() - t;
		}
		return adding / 1e9;
	}

}
