package org.branchlink.catalog.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a SolrCloud cluster for BranchLink: uploads the configset when missing and creates the first versioned
 * collection ({@code catalog_v1}) behind the alias searches use. A reindex later fills {@code catalog_v2} and switches
 * the alias, so search never goes down.
 */
final class SolrCloudCollections {

	private static final Logger log = LoggerFactory.getLogger(SolrCloudCollections.class);

	private SolrCloudCollections() {
	}

	static void ensureAlias(SolrClient cloud, String alias, String configset, int shards, int replicas)
			throws IOException, SolrServerException {
		Map<String, String> aliases = new CollectionAdminRequest.ListAliases().process(cloud).getAliases();
		if (aliases.containsKey(alias)) {
			log.info("SolrCloud alias {} points at {}", alias, aliases.get(alias));
			return;
		}
		List<String> configsets = new ConfigSetAdminRequest.List().process(cloud).getConfigSets();
		if (!configsets.contains(configset)) {
			Path zip = zipConfigset(configset);
			try {
				new ConfigSetAdminRequest.Upload().setConfigSetName(configset).setUploadFile(zip.toFile(), "application/zip")
					.process(cloud);
			}
			finally {
				Files.deleteIfExists(zip);
			}
			log.info("Uploaded configset {} to SolrCloud", configset);
		}
		String collection = alias + "_v1";
		List<String> collections = CollectionAdminRequest.listCollections(cloud);
		if (!collections.contains(collection)) {
			CollectionAdminRequest.createCollection(collection, configset, shards, replicas).process(cloud);
		}
		CollectionAdminRequest.createAlias(alias, collection).process(cloud);
		log.info("Created SolrCloud collection {} ({} shards × {} replicas) behind alias {}", collection, shards,
				replicas, alias);
	}

	private static Path zipConfigset(String configset) throws IOException {
		Path dir = Files.createTempDirectory("configset-");
		try {
			EmbeddedSolr.copyConfigset(configset, dir);
			Path zip = Files.createTempFile("configset-", ".zip");
			try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out);
					var files = Files.walk(dir)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					zipOut.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
					Files.copy(file, zipOut);
					zipOut.closeEntry();
				}
			}
			return zip;
		}
		finally {
			try (var files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

}
