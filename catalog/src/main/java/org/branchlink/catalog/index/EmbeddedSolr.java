package org.branchlink.catalog.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.CoreContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Starts Solr inside this JVM on a home directory that survives restarts. The configset from {@code deploy/} (carried
 * in this jar) is copied into the core's {@code conf/} at every start, so the configset in git is always the one in
 * force; the index itself is kept.
 */
final class EmbeddedSolr {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSolr.class);

	private EmbeddedSolr() {
	}

	static EmbeddedSolrServer start(Path home, String core, String configset) {
		try {
			Files.createDirectories(home);
			Path solrXml = home.resolve("solr.xml");
			if (Files.notExists(solrXml)) {
				Files.writeString(solrXml, "<solr/>\n", StandardCharsets.UTF_8);
			}
			Path coreDir = home.resolve(core);
			int files = copyConfigset(configset, coreDir.resolve("conf"));
			Path coreProperties = coreDir.resolve("core.properties");
			if (Files.notExists(coreProperties)) {
				Files.writeString(coreProperties, "name=" + core + "\n", StandardCharsets.UTF_8);
			}
			CoreContainer container = CoreContainer.createAndLoad(home.toAbsolutePath());
			if (!container.getAllCoreNames().contains(core)) {
				var failure = container.getCoreInitFailures().get(core);
				container.shutdown();
				throw new IllegalStateException("embedded Solr at " + home.toAbsolutePath() + " failed to load core '"
						+ core + "'", failure == null ? null : failure.exception);
			}
			log.info("Embedded Solr started on {} (core {}, configset {} with {} files)", home.toAbsolutePath(), core,
					configset, files);
			return new OwningEmbeddedSolrServer(container, core);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the embedded Solr home " + home.toAbsolutePath(), ex);
		}
	}

	/** An embedded server that shuts its container down when closed, releasing the index locks. */
	private static final class OwningEmbeddedSolrServer extends EmbeddedSolrServer {

		private final CoreContainer container;

		OwningEmbeddedSolrServer(CoreContainer container, String core) {
			super(container, core);
			this.container = container;
		}

		@Override
		public void close() throws IOException {
			try {
				super.close();
			}
			finally {
				if (!container.isShutDown()) {
					container.shutdown();
					log.info("Embedded Solr stopped");
				}
			}
		}

	}

	/** Copies the configset's files from the classpath; returns how many. */
	static int copyConfigset(String configset, Path target) throws IOException {
		String base = "solr/configsets/" + configset + "/conf/";
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + base + "**");
		int copied = 0;
		for (Resource resource : resources) {
			if (!resource.isReadable()) {
				continue;
			}
			String url = resource.getURL().toString();
			String relative = url.substring(url.lastIndexOf(base) + base.length());
			if (relative.isEmpty() || relative.endsWith("/")) {
				continue;
			}
			Path file = target.resolve(relative);
			Files.createDirectories(file.getParent());
			try (InputStream in = resource.getInputStream()) {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			}
			copied++;
		}
		if (copied == 0) {
			throw new IllegalStateException("configset '" + configset + "' not found on the classpath at " + base);
		}
		return copied;
	}

}
