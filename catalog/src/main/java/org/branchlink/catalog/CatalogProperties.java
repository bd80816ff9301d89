package org.branchlink.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog module, under {@code branchlink.catalog}.
 *
 * @param solr where the Solr index lives
 */
@ConfigurationProperties("branchlink.catalog")
public record CatalogProperties(@DefaultValue Solr solr) {

	/**
	 * Which Solr to use. With neither {@code zkHosts} nor {@code url} set, an embedded Solr runs in this JVM on
	 * {@code home}. With {@code zkHosts}, a SolrCloud cluster: the configset is uploaded and the collection created
	 * behind the alias {@code collection} on first use. With {@code url}, a standalone Solr whose core or alias is
	 * named {@code collection}.
	 *
	 * @param home the embedded Solr's home directory (its cores and indexes)
	 * @param zkHosts ZooKeeper addresses of a SolrCloud cluster, e.g. {@code zk1:2181,zk2:2181}
	 * @param zkChroot the ZooKeeper chroot of the cluster, e.g. {@code /solr}; empty for none
	 * @param url base URL of a standalone Solr, e.g. {@code http://solr:8983/solr}
	 * @param collection the name searches use: the embedded core, or the SolrCloud alias
	 * @param configset the configset's name (a folder under {@code deploy/solr/configsets})
	 * @param shards shards of a new SolrCloud collection
	 * @param replicas replicas per shard of a new SolrCloud collection
	 * @param connectTimeout how long a connection to a Solr node may take (SolrCloud and standalone); SolrJ's own
	 *        default is a minute
	 * @param idleTimeout how long a request may wait with no byte from Solr before it fails (a search so failed is
	 *        answered 503; SolrJ sends the next ones to the live replicas once ZooKeeper has dropped the dead node);
	 *        SolrJ's own default is ten minutes, which a search sent on an open connection to a node that died without
	 *        closing it (a crashed host, a killed container) would wait in full. Raise it if collection creation or
	 *        commits on a busy SolrCloud cluster take longer.
	 */
	public record Solr(@DefaultValue("data/solr") Path home, List<String> zkHosts, @DefaultValue("") String zkChroot,
			@DefaultValue("") String url, @DefaultValue("catalog") String collection,
			@DefaultValue("catalog") String configset, @DefaultValue("2") int shards,
			@DefaultValue("1") int replicas, @DefaultValue("5s") Duration connectTimeout,
			@DefaultValue("30s") Duration idleTimeout) {

		public Solr {
			zkHosts = zkHosts == null ? List.of() : List.copyOf(zkHosts);
		}

		public Mode mode() {
			if (!zkHosts.isEmpty()) {
				return Mode.CLOUD;
			}
			return url.isBlank() ? Mode.EMBEDDED : Mode.STANDALONE;
		}

	}

	/** How BranchLink reaches Solr. */
	public enum Mode {

		/** {@code EmbeddedSolrServer} in this JVM: the default for one machine. */
		EMBEDDED,
		/** A SolrCloud cluster found through ZooKeeper. */
		CLOUD,
		/** One Solr server over HTTP. */
		STANDALONE

	}

}
