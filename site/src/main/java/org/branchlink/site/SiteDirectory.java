package org.branchlink.site;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The site registry as the rest of the platform sees it: load a registry file (all or nothing; its connectors must
 * point inside the data directory or {@code branchlink.site.allowed-paths}, see {@link ConnectorPaths}), read the current
 * registry. Every node of a cluster reads the same stored registry; a node notices another node's load by the stored
 * load time.
 */
@Component
public class SiteDirectory {

	private static final Logger log = LoggerFactory.getLogger(SiteDirectory.class);

	private final SiteRegistryStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Cached cached;

	private final ConnectorPaths paths;

	SiteDirectory(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			SiteProperties properties) {
		this.paths = properties.connectorPaths();
		this.store = new SiteRegistryStore(jdbc);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Validates a registry file and, when valid, replaces the stored registry with it in one transaction.
	 * @param yaml the file's text
	 * @param source the file's name, kept for operators
	 * @param force load even when the same file was loaded last
	 * @return the loaded registry, or empty when this very file was already loaded and {@code force} is false
	 * @throws RegistryValidationException when the file is invalid; the stored registry is then untouched
	 */
	public Optional<SiteRegistry> load(String yaml, String source, boolean force) {
		return load(yaml, source, force, null, null);
	}

	/** {@link #load}, refused when {@code base} is set and is not the load time of the stored registry. */
	private Optional<SiteRegistry> load(String yaml, String source, boolean force, Timestamp base, String siteId) {
		SiteRegistry registry = SiteRegistryReader.read(yaml, source, paths);
		String sha256 = DigestUtils.sha256Hex(yaml);
		boolean loaded = Boolean.TRUE.equals(transactions.execute(status -> {
			jdbc.sql("lock table federation in exclusive mode").update();
			if (base != null) {
				Timestamp stored = jdbc.sql("select loaded_at from federation").query(Timestamp.class).single();
				if (!base.equals(stored)) {
					throw new RegistryChangedException(siteId, stored.toInstant());
				}
			}
			if (!force && store.loadedHash().filter(sha256::equals).isPresent()) {
				return false;
			}
			store.replace(registry, source, sha256, clock.instant());
			return true;
		}));
		if (!loaded) {
			log.info("Site registry {} unchanged since it was last loaded; {} sites", source, registry.size());
			return Optional.empty();
		}
		cached = null;
		log.info("Site registry {} loaded: federation {}, {} sites", source, registry.federation().id(), registry.size());
		events.publishEvent(new SiteRegistryLoaded(registry));
		return Optional.of(registry);
	}

	/**
	 * Changes one site of the registry in force, or adds one, through the same validation and load as a registry file
	 * ({@link #load}): the registry is written back with the draft in it ({@link SiteRegistryWriter}) and loaded.
	 * @param replacedId the id of the site to change; null to add the draft as a new site
	 * @param draft the site as typed
	 * @param source a name for the change, kept for operators
	 * @return the new registry, or empty when the draft changes nothing
	 * @throws RegistryValidationException when the changed registry is invalid; the registry in force is then untouched
	 * @throws IllegalStateException when no registry is loaded
	 */
	public Optional<SiteRegistry> change(String replacedId, SiteDraft draft, String source) {
		return change(replacedId, draft, source, null);
	}

	/**
	 * {@link #change(String, SiteDraft, String)} from a site as it was read: refused when the site has changed since
	 * (its {@link SiteDraft#revision()} is no longer {@code readRevision}), or when another change is loaded while this
	 * one is written, so that a later save never silently undoes an earlier one. A draft equal to the site as it now
	 * stands changes nothing and is not refused.
	 * @param readRevision the revision of the site the form was read from; null to skip that check
	 * @throws RegistryChangedException when the site or the registry changed under the save; nothing is then written
	 */
	public Optional<SiteRegistry> change(String replacedId, SiteDraft draft, String source, String readRevision) {
		Cached snapshot = snapshot(replacedId, readRevision);
		SiteRegistry registry = snapshot.registry();
		Optional<SiteDraft> standing = Optional.ofNullable(replacedId).flatMap(registry::find).map(SiteDraft::of);
		if (standing.filter(draft::equals).isPresent()) {
			return Optional.empty();
		}
		if (readRevision != null && standing.isPresent() && !standing.get().revision().equals(readRevision)) {
			throw new RegistryChangedException(replacedId, snapshot.loadedAt().toInstant());
		}
		return load(SiteRegistryWriter.yaml(registry, replacedId, draft), source, false, snapshot.loadedAt(), replacedId);
	}

	/** The registry to change; read again from the database when the site's revision differs from the one read. */
	private Cached snapshot(String siteId, String readRevision) {
		require();
		Cached snapshot = currentWithTime().orElseThrow();
		if (readRevision != null && siteId != null && !snapshot.registry().find(siteId).map(SiteDraft::of)
			.map(SiteDraft::revision).filter(readRevision::equals).isPresent()) {
			forget();
			snapshot = currentWithTime().orElseThrow();
		}
		return snapshot;
	}

	/**
	 * How long a registry read from the database is used before asking whether another node loaded a new one. Nodes of
	 * one cluster hear of a load at once ({@link #forget()}, called by the cluster's notice); this bounds the rest.
	 */
	private static final long RECHECK_NANOS = 30_000_000_000L;

	private volatile long checkedAt;

	/**
	 * The current registry; empty before any registry was loaded. A registry loaded on this node is current at once;
	 * one loaded by another node as soon as this node is told ({@link #forget()}), at the latest within
	 * {@value #RECHECK_NANOS} ns.
	 */
	public Optional<SiteRegistry> current() {
		return currentWithTime().map(Cached::registry);
	}

	private Optional<Cached> currentWithTime() {
		Cached recent = cached;
		if (recent != null && System.nanoTime() - checkedAt < RECHECK_NANOS) {
			return Optional.of(recent);
		}
		Optional<Timestamp> loadedAt = jdbc.sql("select loaded_at from federation").query(Timestamp.class).optional();
		if (loadedAt.isEmpty()) {
			return Optional.empty();
		}
		Cached snapshot = cached;
		if (snapshot == null || !snapshot.loadedAt.equals(loadedAt.get())) {
			snapshot = store.load().map(registry -> new Cached(loadedAt.get(), registry)).orElse(null);
			cached = snapshot;
		}
		checkedAt = System.nanoTime();
		return Optional.ofNullable(snapshot);
	}

	/** Drops the registry this node keeps: another node loaded a new one. The next read asks the database. */
	public void forget() {
		cached = null;
		checkedAt = 0;
	}

	/** The current registry, or an exception naming the missing registry. */
	public SiteRegistry require() {
		return current().orElseThrow(() -> new IllegalStateException(
				"no site registry has been loaded: set branchlink.site.registry-file or PUT one to /api/sites"));
	}


	/** The current registry's sites by id (read-only, in the registry's order; for pages that show site names); empty before a registry is loaded. */
	public Map<String, Site> byId() {
		return current().map(SiteRegistry::byId).orElse(Map.of());
	}

	private record Cached(Timestamp loadedAt, SiteRegistry registry) {
	}

}
