package org.branchlink.sync.route;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.branchlink.site.ConnectorKind;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteProperties;
import org.branchlink.site.SiteRegistry;
import org.branchlink.site.SiteRegistryLoaded;
import org.branchlink.sync.SyncProperties;
import org.branchlink.sync.calendar.IcalFeedTemplate;
import org.branchlink.sync.connector.marcfile.MarcFileDropTemplate;
import org.branchlink.sync.connector.oaipmh.OaiPmhTemplate;
import org.branchlink.sync.outbound.SiteWebhookTemplate;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One route per site and connector, made from the connector kind's route template with the site's settings: at
 * start-up and whenever a new registry is loaded (routes of sites gone or changed are removed, new ones added).
 * Route ids are {@code <flow>.<site>}; node ids carry the site as prefix.
 */
@Component
class ConnectorRoutes {

	private static final Logger log = LoggerFactory.getLogger(ConnectorRoutes.class);

	private final CamelContext camel;

	private final SiteDirectory sites;

	private final SyncProperties properties;

	private final SiteProperties siteProperties;

	static final String HARVEST_GROUP = "catalog-oai";

	static final String DEFAULT_HARVEST_CRON = "0 0/15 * * * ?";

	static final String DEFAULT_CALENDAR_CRON = "0 5/30 * * * ?";

	private final Scheduler scheduler;

	private final Map<String, Map<String, Object>> running = new HashMap<>();

	ConnectorRoutes(CamelContext camel, SiteDirectory sites, SyncProperties properties, SiteProperties siteProperties,
			Scheduler scheduler) {
		this.camel = camel;
		this.sites = sites;
		this.properties = properties;
		this.siteProperties = siteProperties;
		this.scheduler = scheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		sites.current().ifPresent(this::sync);
	}

	@EventListener
	void on(SiteRegistryLoaded loaded) {
		if (camel.isStarted()) {
			sync(loaded.registry());
		}
	}

	synchronized void sync(SiteRegistry registry) {
		Map<String, Map<String, Object>> wanted = new HashMap<>();
		for (Site site : registry.sites()) {
			if (site.connector().kind() == ConnectorKind.MARC_FILE || site.connector().kind() == ConnectorKind.SPREADSHEET) {
				String folder = site.connector().parameters().getOrDefault("folder", "drop/" + site.id());
				Path path = siteProperties.dropBase().resolve(folder);
				wanted.put(MarcFileDropTemplate.ID + "." + site.id(), Map.of("siteId", site.id(), "folder",
						path.toAbsolutePath().toString(), "delay", String.valueOf(properties.pollDelay())));
			}
			if (site.connector().kind() == ConnectorKind.OAI_PMH && site.connector().parameters().containsKey("base-url")) {
				Map<String, String> p = site.connector().parameters();
				wanted.put(OaiPmhTemplate.ID + "." + site.id(), Map.of("siteId", site.id(), "baseUrl", p.get("base-url"),
						"metadataPrefix", p.getOrDefault("metadata-prefix", "marcxml"), "set", p.getOrDefault("set", ""),
						"schedule", p.getOrDefault("schedule", DEFAULT_HARVEST_CRON)));
			}
			String calendar = site.connector().parameters().get("calendar-url");
			if (calendar != null && !calendar.isBlank()) {
				Map<String, String> p = site.connector().parameters();
				wanted.put(IcalFeedTemplate.ID + "." + site.id(), Map.of("siteId", site.id(), "url", calendar,
						"defaultCategory", p.getOrDefault("calendar-category", "service"), "horizonDays",
						p.getOrDefault("calendar-horizon-days", "90"), "schedule",
						p.getOrDefault("calendar-schedule", DEFAULT_CALENDAR_CRON)));
			}
			String webhook = site.connector().parameters().get("webhook-url");
			if (webhook != null && !webhook.isBlank()) {
				if (properties.webhooks().secrets().getOrDefault(site.id(), "").isBlank()) {
					log.warn("Site {} names a webhook-url but has no secret (branchlink.sync.webhooks.secrets.{}): "
							+ "nothing is posted to it until one is set; its changes wait in its feed", site.id(), site.id());
				}
				else {
					wanted.put(SiteWebhookTemplate.ID + "." + site.id(), Map.of("siteId", site.id(), "url", webhook,
							"period", String.valueOf(properties.webhooks().period().toMillis())));
				}
			}
		}
		Set<String> gone = new HashSet<>(running.keySet());
		gone.removeIf(id -> wanted.get(id) != null && wanted.get(id).equals(running.get(id)));
		try {
			for (String routeId : gone) {
				camel.getRouteController().stopRoute(routeId);
				camel.removeRoute(routeId);
				running.remove(routeId);
				if (routeId.startsWith(OaiPmhTemplate.ID + ".") || routeId.startsWith(IcalFeedTemplate.ID + ".")) {
					scheduler.deleteJob(JobKey.jobKey(routeId, HARVEST_GROUP));
				}
			}
			for (Map.Entry<String, Map<String, Object>> entry : wanted.entrySet()) {
				if (!running.containsKey(entry.getKey())) {
					String routeId = entry.getKey();
					String siteId = (String) entry.getValue().get("siteId");
					String template = routeId.substring(0, routeId.indexOf('.'));
					Map<String, Object> parameters = new HashMap<>(entry.getValue());
					Object schedule = parameters.remove("schedule");
					camel.addRouteFromTemplate(routeId, template, siteId + ".", parameters);
					if (schedule != null) {
						schedule(routeId, "direct:" + template + "-" + siteId, (String) schedule);
					}
					running.put(routeId, entry.getValue());
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not update the connector routes", ex);
		}
		log.info("Connector routes: {} running ({} removed)", running.size(), gone.size());
	}

	/** Creates or replaces the clustered Quartz job that fires this harvest route on its cron schedule. */
	private void schedule(String routeId, String endpoint, String cron) throws SchedulerException {
		JobKey key = JobKey.jobKey(routeId, HARVEST_GROUP);
		var job = JobBuilder.newJob(ScheduledHarvestJob.class)
			.withIdentity(key)
			.usingJobData(ScheduledHarvestJob.ENDPOINT, endpoint)
			.storeDurably()
			.requestRecovery(true)
			.build();
		var trigger = TriggerBuilder.newTrigger()
			.withIdentity(routeId, HARVEST_GROUP)
			.forJob(key)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron).withMisfireHandlingInstructionDoNothing())
			.build();
		scheduler.scheduleJob(job, Set.of(trigger), true);
	}


}
