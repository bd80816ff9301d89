package org.branchlink.sync.circulation;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.builder.RouteBuilder;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteProperties;
import org.branchlink.sync.SyncProperties;
import org.branchlink.sync.ingest.SiteCatalogIngest.UnknownSiteException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Circulation events into the lending service.
 * <ul>
 * <li>{@code circulation.intake} ({@value #INTAKE}), for every source — the REST API, uploaded and dropped batch files,
 * the desk page: <b>validate</b> (refused events are reported with their reason; a transit's destination must be a
 * site of the registry), <b>accept</b> (stored in the journal
 * in one transaction; an event id the site already sent is a duplicate and dropped), <b>apply</b> (each copy's events
 * in the order they happened, whatever order they arrive in), both in one step ({@code circulation.accept-apply}, see
 * {@link CirculationIntake#intake}). Failures go back to the caller, which then retries: what was accepted stays
 * accepted.</li>
 * <li>{@code circulation-file}: offline batches (Koha {@code .koc}, JSON lines, CSV) dropped in
 * {@code <drop-base>/circulation/<site>/}. One route watches the folder tree rather than one per site: any of the
 * county's sites may go offline, and 180 pollers for files that come a few times a year would be waste. Every node
 * polls the folder (it may be shared between them); a file is taken by one node, once it has stopped changing, through
 * its lock row in the database ({@code #fileLocks}: see {@code SyncRouteConfiguration}), moved to
 * {@code .done/<date>/} or, when it fails whole (unknown site), to {@code .failed/}. When the node ingesting it dies,
 * the file stays in the folder and another node takes it once the lock is {@code file-lock-max-age} old; what the dead
 * node had already accepted is then dropped as duplicates (event ids), so each event is still journalled once.</li>
 * </ul>
 */
@Component
public class CirculationRoutes extends RouteBuilder {

	public static final String INTAKE = "direct:circulation-intake";

	/** Resolved at first use (the lending service starts after the routes) and kept: not looked up per event. */
	private final SingletonSupplier<CirculationIntake> intake;

	private final SyncProperties properties;

	private final SiteProperties siteProperties;

	private final CountySettings county;

	private final SiteDirectory sites;

	private final Clock clock;

	CirculationRoutes(ObjectProvider<CirculationIntake> intake, SyncProperties properties, SiteProperties siteProperties,
			CountySettings county, SiteDirectory sites, ObjectProvider<Clock> clock) {
		this.intake = SingletonSupplier.of(intake::getObject);
		this.properties = properties;
		this.siteProperties = siteProperties;
		this.county = county;
		this.sites = sites;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void configure() {
		from(INTAKE).routeId("circulation.intake")
			.process(e -> e.getIn().setBody(CirculationValidator.validate(e.getIn().getBody(CirculationBatch.class), clock,
					site -> sites.current().flatMap(registry -> registry.find(site)).isPresent())))
			.id("circulation.validate")
			.process(e -> e.getIn().setBody(intake.get().intake(e.getIn().getBody(CirculationBatch.class))))
			.id("circulation.accept-apply");

		Path folder = siteProperties.dropBase().resolve("circulation").toAbsolutePath();
		from("file:" + folder + "?recursive=true&include=.*\\.(koc|jsonl|ndjson|csv)$"
				+ "&readLock=idempotent-changed&readLockMinAge=1000&readLockRemoveOnCommit=true"
				+ "&idempotentKey=circulation/${file:name}&idempotentRepository=#fileLocks"
				+ "&move=.done/${date:now:yyyyMMdd}/${file:onlyname}&moveFailed=.failed/${file:onlyname}"
				+ "&delay=" + properties.pollDelay() + "&initialDelay=1000")
			.routeId("circulation-file")
			.routeConfigurationId("sync-errors")
			.process(e -> {
				String relative = e.getIn().getHeader("CamelFileRelativePath", String.class);
				String siteId = Path.of(relative).getNameCount() > 1 ? Path.of(relative).getName(0).toString() : "";
				if (siteId.isEmpty() || sites.require().find(siteId).isEmpty()) {
					throw new UnknownSiteException(siteId);
				}
				e.setProperty("siteId", siteId);
				String name = e.getIn().getHeader("CamelFileNameOnly", String.class);
				try (var in = e.getIn().getBody(InputStream.class)) {
					e.getIn().setBody(CirculationBatchReader.read(siteId, name, in, county.zone()));
				}
			})
			.id("circulation-file.read")
			.to(INTAKE)
			.id("circulation-file.intake")
			.log("Circulation file ${header.CamelFileName} for site ${exchangeProperty.siteId}: ${body}")
			.id("circulation-file.report");
	}

}
