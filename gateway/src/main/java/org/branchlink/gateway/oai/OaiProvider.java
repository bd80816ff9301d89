package org.branchlink.gateway.oai;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.branchlink.catalog.CatalogChanges;
import org.branchlink.catalog.CatalogChanges.SiteName;
import org.branchlink.catalog.Change;
import org.branchlink.catalog.ChangeQuery;
import org.branchlink.catalog.ChangeQuery.Scope;
import org.branchlink.catalog.PublishedWork;
import org.branchlink.catalog.WorkRecords;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.gateway.oai.OaiAnswer.Item;
import org.branchlink.gateway.oai.OaiAnswer.Resumption;
import org.branchlink.gateway.oai.OaiAnswer.SetEntry;
import org.branchlink.site.SiteDirectory;

import org.springframework.stereotype.Component;

/**
 * The six verbs of OAI-PMH 2.0 over the union catalogue and its events. Works are items in {@code marcxml} and
 * {@code oai_dc}, events in {@code oai_dc}; sets are {@code site:<id>} (works held there), {@code township:<id>}, their
 * parents {@code site} and {@code township}, and {@code events}. Lists go by last change and stop at the moment they
 * began; each page's resumption token carries the list's place ({@link ResumptionTokens}).
 */
@Component
class OaiProvider {

	private final CatalogChanges changes;

	private final WorkRecords works;

	private final EventCatalog events;

	private final SiteDirectory directory;

	private final OaiProperties properties;

	private final TokenKeyStore keys;

	private final Clock clock;

	OaiProvider(CatalogChanges changes, WorkRecords works, EventCatalog events, SiteDirectory directory,
			OaiProperties properties, TokenKeyStore keys, Clock clock) {
		this.changes = changes;
		this.works = works;
		this.events = events;
		this.directory = directory;
		this.properties = properties;
		this.keys = keys;
		this.clock = clock;
	}

	OaiAnswer answer(OaiRequest request) {
		return switch (request.verb()) {
			case Identify -> identify();
			case ListMetadataFormats -> formats(request.argument(OaiRequest.IDENTIFIER));
			case ListSets -> sets(request);
			case ListIdentifiers -> list(request, false);
			case ListRecords -> list(request, true);
			case GetRecord -> record(request);
		};
	}

	/** The federation's id: the repository identifier in every OAI identifier. */
	String federation() {
		return directory.current().map(registry -> registry.federation().id()).orElse("branchlink");
	}

	private OaiAnswer identify() {
		String name = !properties.repositoryName().isBlank() ? properties.repositoryName()
				: directory.current()
					.map(registry -> registry.federation().name().zh() + " / " + registry.federation().name().en())
					.orElse("BranchLink");
		return new OaiAnswer.Identity(name, changes.earliest().orElseGet(clock::instant), properties.adminEmail());
	}

	private OaiAnswer formats(Optional<String> identifier) {
		if (identifier.isEmpty()) {
			return new OaiAnswer.Formats(List.of(MetadataFormat.values()));
		}
		Change change = find(identifier.get());
		if (change.deleted()) {
			throw new OaiRefusal(OaiError.NO_METADATA_FORMATS, identifier.get() + " was deleted: it has no metadata.");
		}
		return new OaiAnswer.Formats(change.kind() == Change.Kind.EVENT ? List.of(MetadataFormat.OAI_DC)
				: List.of(MetadataFormat.values()));
	}

	private OaiAnswer sets(OaiRequest request) {
		if (request.argument(OaiRequest.RESUMPTION_TOKEN).isPresent()) {
			throw new OaiRefusal(OaiError.BAD_RESUMPTION_TOKEN, "ListSets is answered in one page; it has no tokens.");
		}
		List<SiteName> sites = changes.sites();
		Map<String, SiteName> byId = sites.stream().collect(Collectors.toMap(SiteName::id, Function.identity()));
		List<SetEntry> sets = new ArrayList<>();
		sets.add(new SetEntry("site", "馆藏站点 / Holding sites"));
		sites.forEach(site -> sets.add(new SetEntry("site:" + site.id(), site.nameZh() + " / " + site.nameEn())));
		sets.add(new SetEntry("township", "乡镇 / Townships"));
		new TreeSet<>(sites.stream().map(SiteName::township).filter(t -> t != null).toList()).forEach(township -> {
			SiteName station = byId.get(township);
			sets.add(new SetEntry("township:" + township,
					station == null ? township : station.nameZh() + " / " + station.nameEn()));
		});
		sets.add(new SetEntry("events", "文化活动 / Cultural events"));
		return new OaiAnswer.Sets(sets);
	}

	private OaiAnswer list(OaiRequest request, boolean withMetadata) {
		Instant now = clock.instant();
		ResumptionTokens tokens = new ResumptionTokens(keys.key());
		Optional<String> resumption = request.argument(OaiRequest.RESUMPTION_TOKEN);
		ResumptionToken place = resumption.isPresent() ? tokens.read(resumption.get(), now) : start(request, now);
		List<Change> page = changes.list(place.query(), place.after(), properties.pageSize() + 1);
		if (page.isEmpty()) {
			throw new OaiRefusal(OaiError.NO_RECORDS_MATCH, "No more records: the rest changed after the list began.");
		}
		boolean more = page.size() > properties.pageSize();
		page = more ? page.subList(0, properties.pageSize()) : page;
		Resumption next = null;
		if (more) {
			Instant expires = now.plus(properties.tokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
			String token = tokens.write(new ResumptionToken(place.format(), place.query(),
					page.get(page.size() - 1).position(), place.cursor() + page.size(), place.completeListSize(), expires));
			next = new Resumption(token, place.cursor(), place.completeListSize(), expires);
		}
		else if (place.cursor() > 0) {
			next = new Resumption(null, place.cursor(), place.completeListSize(), null);
		}
		List<Item> items = withMetadata ? items(page) : page.stream().map(Item::header).toList();
		return new OaiAnswer.Page(withMetadata, place.format(), items, next);
	}

	/** The place before the first page of a new list; refuses a list that would be empty. */
	private ResumptionToken start(OaiRequest request, Instant now) {
		String prefix = request.argument(OaiRequest.METADATA_PREFIX).orElseThrow();
		MetadataFormat format = MetadataFormat.of(prefix)
			.orElseThrow(() -> new OaiRefusal(OaiError.CANNOT_DISSEMINATE_FORMAT, "No metadata format " + prefix + "."));
		OaiRequest.Window window = request.window();
		Instant before = window.before() == null || window.before().isAfter(now) ? now : window.before();
		ChangeQuery query = query(format, request.argument(OaiRequest.SET).orElse(null), window.from(), before);
		long size = query == null ? 0 : changes.count(query);
		if (size == 0) {
			throw new OaiRefusal(OaiError.NO_RECORDS_MATCH, "No records match the request.");
		}
		return new ResumptionToken(format, query, null, 0, size, now);
	}

	/** The query of a set in a format; null when nothing can match (an unknown set, events in MARCXML). */
	private static ChangeQuery query(MetadataFormat format, String set, Instant from, Instant before) {
		boolean events = format.carriesEvents();
		if (set == null) {
			return new ChangeQuery(true, events, Scope.ALL, null, from, before);
		}
		return switch (set) {
			case "events" -> events ? new ChangeQuery(false, true, Scope.ALL, null, from, before) : null;
			case "site" -> new ChangeQuery(true, false, Scope.ANY_SITE, null, from, before);
			case "township" -> new ChangeQuery(true, false, Scope.ANY_TOWNSHIP, null, from, before);
			default -> {
				int colon = set.indexOf(':');
				String id = colon < 0 ? "" : set.substring(colon + 1);
				Scope scope = colon < 0 || id.isEmpty() ? null : switch (set.substring(0, colon)) {
					case "site" -> Scope.SITE;
					case "township" -> Scope.TOWNSHIP;
					default -> null;
				};
				yield scope == null ? null : new ChangeQuery(true, false, scope, id, from, before);
			}
		};
	}

	private OaiAnswer record(OaiRequest request) {
		String prefix = request.argument(OaiRequest.METADATA_PREFIX).orElseThrow();
		MetadataFormat format = MetadataFormat.of(prefix)
			.orElseThrow(() -> new OaiRefusal(OaiError.CANNOT_DISSEMINATE_FORMAT, "No metadata format " + prefix + "."));
		Change change = find(request.argument(OaiRequest.IDENTIFIER).orElseThrow());
		if (change.kind() == Change.Kind.EVENT && !format.carriesEvents()) {
			throw new OaiRefusal(OaiError.CANNOT_DISSEMINATE_FORMAT, "Events have no " + prefix + " record; use oai_dc.");
		}
		return new OaiAnswer.Single(format, items(List.of(change)).get(0));
	}

	/** The works and events of a page with their content (deleted ones without). */
	private List<Item> items(List<Change> page) {
		Map<String, PublishedWork> content = works.load(page.stream()
			.filter(change -> change.kind() == Change.Kind.WORK && !change.deleted())
			.map(Change::id)
			.toList());
		Map<String, CulturalEvent> published = events.find(page.stream()
			.filter(change -> change.kind() == Change.Kind.EVENT && !change.deleted())
			.map(change -> Long.parseLong(change.id()))
			.toList()).stream().collect(Collectors.toMap(event -> Long.toString(event.id()), Function.identity()));
		Map<String, SiteName> sites = published.isEmpty() ? Map.of()
				: changes.sites().stream().collect(Collectors.toMap(SiteName::id, Function.identity()));
		List<Item> items = new ArrayList<>(page.size());
		for (Change change : page) {
			boolean isWork = change.kind() == Change.Kind.WORK;
			PublishedWork work = isWork ? content.get(change.id()) : null;
			CulturalEvent event = isWork ? null : published.get(change.id());
			if (work == null && event == null) {
				// deleted, or gone since the page's headers were read
				items.add(Item.header(new Change(change.kind(), change.id(), change.changedAt(), true, List.of(),
						List.of())));
			}
			else {
				SiteName site = event == null ? null : sites.get(event.siteId());
				items.add(new Item(change, work, event, site == null ? null : site.nameZh()));
			}
		}
		return items;
	}

	/** The item an identifier names: {@code oai:<federation>:work/<id>} or {@code oai:<federation>:event/<id>}. */
	private Change find(String identifier) {
		String prefix = "oai:" + federation() + ":";
		Optional<Change> change = Optional.empty();
		if (identifier.startsWith(prefix + "work/")) {
			change = changes.find(Change.Kind.WORK, identifier.substring(prefix.length() + 5));
		}
		else if (identifier.startsWith(prefix + "event/")) {
			change = changes.find(Change.Kind.EVENT, identifier.substring(prefix.length() + 6));
		}
		return change.orElseThrow(() -> new OaiRefusal(OaiError.ID_DOES_NOT_EXIST, "No item " + identifier + "."));
	}

}
