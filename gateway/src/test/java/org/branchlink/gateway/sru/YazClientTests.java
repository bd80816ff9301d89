package org.branchlink.gateway.sru;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance with a real SRU client: Debian's {@code yaz-client} (package yaz) run as a process against the running
 * server, by GET and POST, in SRU 1.2 and 2.0: hits, a record's title in MARCXML and in Dublin Core, scan terms. The
 * test skips itself where yaz-client is not installed.
 */
class YazClientTests extends SruTest {

	private static final Path YAZ_CLIENT = Path.of("/usr/bin/yaz-client");

	@LocalServerPort
	int port;

	@BeforeEach
	void needsYazClient() {
		assumeTrue(Files.isExecutable(YAZ_CLIENT), "yaz-client is not installed (apt-get install yaz)");
	}

	@Test
	void searchesAndShowsMarcxmlAndDublinCoreIn12() throws Exception {
		String out = yaz("sru get 1.2", "querytype cql", "format xml", "schema marcxml",
				"find dc.creator=" + AUTHOR + " sortBy dc.date", "show 1", "schema dc", "show 2");

		assertThat(out).contains("Received SRW SearchRetrieve Response").contains("Number of hits: 2");
		assertThat(out).contains("schema=info:srw/schema/1/marcxml-v1.1")
			.containsPattern("<marc:datafield tag=\"245\"[^>]*><marc:subfield code=\"a\">" + TRADITIONAL);
		assertThat(out).contains("schema=info:srw/schema/1/dc-v1.1").contains("<dc:title>" + SIMPLIFIED + "</dc:title>");
	}

	@Test
	void searchesIn20ByPost() throws Exception {
		String out = yaz("sru post 2.0", "querytype cql", "format xml", "schema dc", "find dc.title==" + SHIJI, "show 1");

		assertThat(out).contains("Number of hits: 1").contains("<dc:title>" + SHIJI + "</dc:title>");
	}

	@Test
	void scansAnIndex() throws Exception {
		String out = yaz("sru get 1.2", "querytype cql", "scansize 3", "scan dc.creator=" + AUTHOR);

		assertThat(out).contains("Received SRW Scan Response").contains(AUTHOR + ": 2");
	}

	@Test
	void showsADiagnostic() throws Exception {
		String out = yaz("sru get 1.2", "querytype cql", "find dc.nothing=x");

		assertThat(out).contains("SRW diagnostic info:srw/diagnostic/1/16").contains("Details: dc.nothing")
			.contains("Number of hits: 0");
	}

	/** Runs yaz-client on these commands after opening the server, and gives what it printed. */
	private String yaz(String... commands) throws IOException, InterruptedException {
		Path file = Files.createTempFile("yaz-", ".cmd");
		try {
			List<String> lines = new ArrayList<>();
			lines.add(commands[0]);
			lines.add("open http://127.0.0.1:" + port + "/sru");
			lines.addAll(List.of(commands).subList(1, commands.length));
			lines.add("quit");
			Files.write(file, lines, StandardCharsets.UTF_8);
			Path output = Files.createTempFile("yaz-", ".out");
			Process process = new ProcessBuilder(YAZ_CLIENT.toString(), "-f", file.toString()).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.start();
			boolean ended = process.waitFor(60, TimeUnit.SECONDS);
			if (!ended) {
				process.destroyForcibly();
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			Files.delete(output);
			assertThat(ended).as("yaz-client ended within a minute: " + printed).isTrue();
			return printed;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
