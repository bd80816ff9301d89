package org.branchlink.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the application, under {@code branchlink.gateway}.
 *
 * @param dataDir where the embedded engines keep their data (PostgreSQL, Solr); kept across restarts
 * @param database the embedded PostgreSQL, used when {@code spring.datasource.url} is not set
 * @param cluster the Hazelcast member of this node
 * @param live the server-sent event streams of open pages on this node
 */
@ConfigurationProperties("branchlink.gateway")
public record GatewayProperties(@DefaultValue("data") Path dataDir, @DefaultValue Database database,
		@DefaultValue Cluster cluster, @DefaultValue Live live) {

	/**
	 * @param port the embedded PostgreSQL's port on 127.0.0.1; 0 picks a free one
	 * @param sharedBuffers the embedded PostgreSQL's buffer cache ({@code shared_buffers}); about the size of the
	 * catalogue's tables keeps searches near me and loads off the disk (1 GB holds about a million records)
	 */
	public record Database(@DefaultValue("0") int port, @DefaultValue("1GB") String sharedBuffers) {
	}

	/**
	 * @param name the cluster's name; members of differently named clusters never join
	 * @param members the other members' addresses ({@code host[:port]}); empty runs one member on its own
	 * @param port the port this member listens on (the next free one above it when taken)
	 * @param bindAddress the interface this member binds to
	 */
	public record Cluster(@DefaultValue("branchlink") String name, List<String> members,
			@DefaultValue("5701") int port, @DefaultValue("127.0.0.1") String bindAddress) {

		public Cluster {
			members = members == null ? List.of() : List.copyOf(members);
		}

	}

	/**
	 * @param maxStreams how many streams this node keeps open at most; past it a page is answered 503 and works
	 * without live updates
	 * @param timeout how long a stream stays open (the browser's {@code EventSource} opens it again)
	 * @param heartbeat how often an idle stream carries a comment, so that proxies keep it open
	 */
	public record Live(@DefaultValue("1000") int maxStreams, @DefaultValue("PT10M") Duration timeout,
			@DefaultValue("PT15S") Duration heartbeat) {
	}

}
