package org.branchlink.catalog.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.CoreContainer;
import org.branchlink.catalog.CatalogReindex;
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
			Path coreDir = coreDirectory(home, core);
			Optional<String> before = configsetVersion(coreDir.resolve("conf"));
			int files = copyConfigset(configset, coreDir.resolve("conf"));
			Optional<String> after = configsetVersion(coreDir.resolve("conf"));
			if (before.isPresent() && !before.equals(after)) {
				// the index was built with another analysis: mark it, a reindex on start rebuilds it (search stays up)
				Files.writeString(home.resolve(CatalogReindex.CONFIGSET_CHANGED_MARKER), before.get() + " -> " + after.orElse("?") + "\n",
						StandardCharsets.UTF_8);
				log.warn("Configset {} changed from version {} to {}: the index will be rebuilt", configset, before.get(),
						after.orElse("?"));
			}
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

	/**
	 * The folder of the core with this name: its own name, or the folder of the index a reindex swapped in (a swap
	 * renames cores, not folders).
	 */
	static Path coreDirectory(Path home, String core) throws IOException {
		try (var folders = Files.list(home)) {
			for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
				Path properties = folder.resolve("core.properties");
				if (Files.exists(properties)) {
					Properties read = new Properties();
					try (var in = Files.newInputStream(properties)) {
						read.load(in);
					}
					if (core.equals(read.getProperty("name"))) {
						return folder;
					}
				}
			}
		}
		return home.resolve(core);
	}

	private static final Pattern VERSION = Pattern.compile("CONFIGSET_VERSION (\\d+)");

	/** The {@code CONFIGSET_VERSION} a configset's {@code solrconfig.xml} states, if the folder holds one. */
	static Optional<String> configsetVersion(Path conf) throws IOException {
		Path solrconfig = conf.resolve("solrconfig.xml");
		if (Files.notExists(solrconfig)) {
			return Optional.empty();
		}
		Matcher matcher = VERSION.matcher(Files.readString(solrconfig, StandardCharsets.UTF_8));
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
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
