package org.branchlink.gateway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.branchlink.catalog.CatalogSearch;
import org.branchlink.catalog.ingest.WorkStore;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.sync.ingest.SiteCatalogIngest;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backup and restore benchmark ({@code ./bench restore [records]}, default 1,000,000): what the runbook's restore
 * costs for a catalogue of that size. A PostgreSQL server of the machine's own packages (Debian's
 * {@code postgresql-15}: the embedded one carries no {@code pg_dump}) holds the database; N generated records are
 * loaded through the real ingest; then, timed: {@code pg_dump -Fc}, {@code pg_restore -j 2} into a new database,
 * {@code vacuumdb --analyze} (a restore brings no planner statistics), a node started on it with an empty index,
 * and the reindex from the database ({@code POST /api/catalog/reindex}'s code) until every work is searchable. The raw
 * engine beside it in the same run: the same work documents bulk-added with plain SolrJ to a fresh Solr
 * ({@link RawAdd}); the ratio is the reindex to that add. Writes {@code src/docs/bench/restore.json}.
 */
final class RestoreBench {

	/** PostgreSQL refuses to run as root: its own system user runs the server then. */
	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	private RestoreBench() {
	}

	static void run(int records) throws Exception {
		Path bin = postgresBin();
		Path work = IntegrationTest.freshDataDir();
		Path cluster = work.resolve("pg");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Files.createDirectories(cluster);
		if (ROOT) { // PostgreSQL refuses to run as root: its own system user runs the server
			Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
			new ProcessBuilder("chown", "-R", "postgres", cluster.toString()).inheritIO().start().waitFor();
		}
		run(bin, "initdb", "-D", cluster.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
		// the settings of deploy/cluster/postgresql.conf that matter for a load, scaled to this machine
		Files.writeString(cluster.resolve("postgresql.conf"), """
				port = %d
				listen_addresses = 'localhost'
				unix_socket_directories = ''
				shared_buffers = 1GB
				maintenance_work_mem = 512MB
				max_wal_size = 4GB
				checkpoint_timeout = 15min
				""".formatted(port), StandardOpenOption.APPEND);
		Map<String, Object> result = new LinkedHashMap<>();
		try {
			run(bin, "pg_ctl", "-D", cluster.toString(), "-l", cluster.resolve("server.log").toString(), "-w", "-t", "120",
					"start");
			String server = "jdbc:postgresql://localhost:" + port + "/";
			sql(server + "postgres", "create database branchlink");
			Path firstData = work.resolve("node-before");
			long works;
			try (ConfigurableApplicationContext app = Bench.start(firstData, datasource(server + "branchlink"))) {
				Bench.Loaded loaded = Bench.load(app, records);
				works = app.getBean(CatalogSearch.class).countWorks();
				Bench.log("loaded %,d records → %,d works in %.1f s (untimed here: ./bench catalog measures it)",
						loaded.read(), works, loaded.seconds());
				result.put("records", loaded.read());
				result.put("works", works);
			}
			Bench.deleteData(firstData);
			long databaseBytes = databaseSize(server, "branchlink");

			Path dump = work.resolve("branchlink.dump");
			long t = System.nanoTime();
			run(bin, "pg_dump", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-Fc", "-d", "branchlink",
					"-f", dump.toString());
			double dumpSeconds = seconds(t);
			Bench.log("pg_dump -Fc: %.1f s, %,d MB database → %,d MB dump", dumpSeconds, databaseBytes >> 20,
					Files.size(dump) >> 20);

			sql(server + "postgres", "create database restored");
			t = System.nanoTime();
			run(bin, "pg_restore", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-j", "2", "-d",
					"restored", dump.toString());
			double restoreSeconds = seconds(t);
			Bench.log("pg_restore -j 2 into a new database: %.1f s", restoreSeconds);
			// pg_restore brings no planner statistics (PostgreSQL before 18 dumps none) and leaves every table for autovacuum
			// to vacuum: done later, that is a core taken from the reindex (and from the county's first morning); the
			// runbook vacuums and analyses first
			t = System.nanoTime();
			run(bin, "vacuumdb", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "--analyze", "-j", "2",
					"-d", "restored");
			double analyzeSeconds = seconds(t);
			Bench.log("vacuumdb --analyze -j 2: %.1f s", analyzeSeconds);

			Path secondData = work.resolve("node-after");
			t = System.nanoTime();
			double startSeconds;
			double reindexSeconds;
			long indexed;
			double rawSeconds;
			try (ConfigurableApplicationContext app = Bench.start(secondData, datasource(server + "restored"))) {
				startSeconds = seconds(t);
				long before = app.getBean(CatalogSearch.class).countWorks();
				t = System.nanoTime();
				indexed = app.getBean(SiteCatalogIngest.class).reindexAll();
				reindexSeconds = seconds(t);
				long searchable = app.getBean(CatalogSearch.class).countWorks();
				Bench.log("node started on the restored database in %.1f s (%,d works searchable); reindex: %,d works in "
						+ "%.1f s, %,d searchable", startSeconds, before, indexed, reindexSeconds, searchable);
				if (searchable != works) {
					throw new IllegalStateException("the restored index has " + searchable + " works, the original " + works);
				}
				rawSeconds = RawAdd.inThisJvm(app.getBean(WorkStore.class), app.getBean(JdbcClient.class),
						secondData.resolve("raw-solr"));
				Bench.log("raw SolrJ bulk add of the same work documents: %.1f s; reindex/raw = %.2f", rawSeconds,
						reindexSeconds / rawSeconds);
			}
			result.put("benchmark", "restore");
			result.put("date", OffsetDateTime.now().toString());
			result.put("postgresql", bin.getParent().getFileName().toString());
			result.put("database_mb", databaseBytes >> 20);
			result.put("dump_mb", Files.size(dump) >> 20);
			result.put("dump_seconds", Bench.round(dumpSeconds));
			result.put("restore_seconds", Bench.round(restoreSeconds));
			result.put("vacuum_analyze_seconds", Bench.round(analyzeSeconds));
			result.put("node_start_seconds", Bench.round(startSeconds));
			result.put("reindex_works", indexed);
			result.put("reindex_seconds", Bench.round(reindexSeconds));
			result.put("raw_add_seconds", Bench.round(rawSeconds));
			result.put("reindex_ratio", Bench.round(reindexSeconds / rawSeconds));
			result.put("restore_to_searchable_seconds", Bench.round(restoreSeconds + analyzeSeconds + startSeconds + reindexSeconds));
			result.put("cores", Runtime.getRuntime().availableProcessors());
			Bench.writeJson("restore", result);
		}
		finally {
			try {
				run(bin, "pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "stop");
			}
			catch (Exception ex) { // not started, or already gone: the benchmark's own failure is the one to see
				Bench.log("stopping the benchmark's PostgreSQL: %s", ex.getMessage());
			}
			finally {
				Bench.deleteData(work);
			}
		}
	}

	/** Debian's PostgreSQL binaries ({@code -Dbench.pg-bin} to name others): the newest under /usr/lib/postgresql. */
	private static Path postgresBin() throws IOException {
		String named = System.getProperty("bench.pg-bin");
		if (named != null) {
			return Path.of(named);
		}
		Path debian = Path.of("/usr/lib/postgresql");
		try (Stream<Path> versions = Files.isDirectory(debian) ? Files.list(debian) : Stream.empty()) {
			return versions.map(version -> version.resolve("bin"))
				.filter(version -> Files.isExecutable(version.resolve("pg_dump")))
				.max(Comparator.comparing(version -> Integer.parseInt(version.getParent().getFileName().toString())))
				.orElseThrow(() -> new IllegalStateException("the restore benchmark needs PostgreSQL's server and tools "
						+ "(Debian: apt-get install postgresql-15), or -Dbench.pg-bin=<their bin folder>"));
		}
	}

	private static String[] datasource(String url) {
		return new String[] { "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" };
	}

	private static void sql(String url, String statement) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

	private static long databaseSize(String server, String database) throws Exception {
		try (Connection connection = DriverManager.getConnection(server + database, "postgres", "");
				Statement sql = connection.createStatement();
				var size = sql.executeQuery("select pg_database_size(current_database())")) {
			size.next();
			return size.getLong(1);
		}
	}

	private static void run(Path bin, String tool, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		if (ROOT && (tool.equals("initdb") || tool.equals("pg_ctl"))) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(bin.resolve(tool).toString());
		command.addAll(List.of(args));
		Path output = Files.createTempFile("restore-bench-" + tool, ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			if (!process.waitFor(1, TimeUnit.HOURS)) {
				process.destroyForcibly();
				throw new IllegalStateException(tool + " did not end within an hour: " + Files.readString(output));
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(tool + " failed: " + Files.readString(output));
			}
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
