package org.branchlink.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.branchlink.catalog.Change.Kind;
import org.branchlink.catalog.Change.Position;
import org.branchlink.catalog.ChangeQuery.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalogue by last change, for harvesters (the OAI-PMH provider): works and events in the order of their last
 * change, read page by page from a {@link Position} (keyset paging: a page costs the same wherever it is in the list).
 * Works come from the {@code work} table's change time (kept by the ingest and the availability indexer); a work
 * without records is listed as deleted for ever. Work ids are {@code w} and hex digits, which every collation orders
 * as Java does.
 */
@Component
public class CatalogChanges {

	private static final Comparator<Change> ORDER = Comparator.comparing(Change::changedAt)
		.thenComparing(Change::kind)
		.thenComparing((a, b) -> a.kind() == Kind.EVENT ? Long.compare(Long.parseLong(a.id()), Long.parseLong(b.id()))
				: a.id().compareTo(b.id()));

	private static final String WORK_COLUMNS = """
			select w.id, w.changed_at,
			    array(select distinct r.site_id from bib_record r where r.work_id = w.id order by 1),
			    array(select distinct s.township from bib_record r join catalog_site s on s.id = r.site_id
			          where r.work_id = w.id and s.township is not null order by 1)
			from work w
			""";

	private final JdbcClient jdbc;

	CatalogChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The earliest change of any work or event; empty when nothing was ever published. */
	public Optional<Instant> earliest() {
		Timestamp earliest = jdbc.sql("""
				select least((select min(changed_at) from work), (select min(updated_at) from cultural_event))""")
			.query(Timestamp.class)
			.single();
		return Optional.ofNullable(earliest).map(Timestamp::toInstant);
	}

	/** Up to {@code limit} changes of the query after {@code after} (from the start when null), in list order. */
	public List<Change> list(ChangeQuery query, Position after, int limit) {
		List<Change> changes = new ArrayList<>();
		if (query.works()) {
			changes.addAll(works(query, after, limit));
		}
		if (query.events()) {
			changes.addAll(events(query, after, limit));
		}
		changes.sort(ORDER);
		return changes.size() > limit ? List.copyOf(changes.subList(0, limit)) : changes;
	}

	/** How many changes the whole query lists. */
	public long count(ChangeQuery query) {
		long count = 0;
		if (query.works()) {
			count += jdbc.sql("select count(*) from work w " + workConditions(query, null))
				.params(params(query, null))
				.query(Long.class)
				.single();
		}
		if (query.events()) {
			count += jdbc.sql("select count(*) from cultural_event e " + eventConditions(query, null))
				.params(params(query, null))
				.query(Long.class)
				.single();
		}
		return count;
	}

	/** The work or event, when it was ever published. */
	public Optional<Change> find(Kind kind, String id) {
		if (kind == Kind.WORK) {
			return jdbc.sql(WORK_COLUMNS + "where w.id = :id and w.changed_at is not null")
				.param("id", id)
				.query(CatalogChanges::work)
				.optional();
		}
		if (!id.matches("[0-9]{1,18}")) {
			return Optional.empty();
		}
		return jdbc.sql("select e.id, e.updated_at, e.cancelled from cultural_event e where e.id = :id")
			.param("id", Long.parseLong(id))
			.query(CatalogChanges::event)
			.optional();
	}

	/** The last change of each of these works that was ever published, by id (for MARC's 005 in search results). */
	public Map<String, Instant> workChanges(Collection<String> workIds) {
		Map<String, Instant> changes = new HashMap<>();
		if (workIds.isEmpty()) {
			return changes;
		}
		jdbc.sql("select id, changed_at from work where id in (:ids) and changed_at is not null")
			.param("ids", List.copyOf(workIds))
			.query((rs, n) -> changes.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		return changes;
	}

	/** Every site the catalogue knows, with its names and township, by id. */
	public List<SiteName> sites() {
		return jdbc.sql("select id, name_zh, name_en, township from catalog_site order by id")
			.query((rs, n) -> new SiteName(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private List<Change> works(ChangeQuery query, Position after, int limit) {
		return jdbc.sql(WORK_COLUMNS + workConditions(query, after) + " order by w.changed_at, w.id limit :limit")
			.params(params(query, after))
			.param("limit", limit)
			.query(CatalogChanges::work)
			.list();
	}

	private List<Change> events(ChangeQuery query, Position after, int limit) {
		return jdbc.sql("select e.id, e.updated_at, e.cancelled from cultural_event e " + eventConditions(query, after)
				+ " order by e.updated_at, e.id limit :limit")
			.params(params(query, after))
			.param("limit", limit)
			.query(CatalogChanges::event)
			.list();
	}

	private static String workConditions(ChangeQuery query, Position after) {
		StringBuilder where = new StringBuilder("where w.changed_at is not null and w.changed_at < :before");
		if (query.from() != null) {
			where.append(" and w.changed_at >= :from");
		}
		if (after != null) {
			where.append(after.kind() == Kind.WORK ? " and (w.changed_at, w.id) > (:after, :afterId)"
					: " and w.changed_at > :after");
		}
		where.append(switch (query.scope()) {
			case ALL -> "";
			case ANY_SITE -> " and exists (select 1 from bib_record r where r.work_id = w.id)";
			case SITE -> " and exists (select 1 from bib_record r where r.work_id = w.id and r.site_id = :scope)";
			case ANY_TOWNSHIP, TOWNSHIP -> " and exists (select 1 from bib_record r join catalog_site s on s.id = r.site_id"
					+ " where r.work_id = w.id and " + (query.scope() == Scope.TOWNSHIP ? "s.township = :scope)"
							: "s.township is not null)");
		});
		return where.toString();
	}

	private static String eventConditions(ChangeQuery query, Position after) {
		StringBuilder where = new StringBuilder("where e.updated_at < :before");
		if (query.from() != null) {
			where.append(" and e.updated_at >= :from");
		}
		if (after != null) {
			where.append(after.kind() == Kind.EVENT ? " and (e.updated_at, e.id) > (:after, :afterEvent)"
					: " and e.updated_at >= :after");
		}
		return where.toString();
	}

	private static Map<String, Object> params(ChangeQuery query, Position after) {
		Map<String, Object> params = new HashMap<>();
		params.put("before", Timestamp.from(query.before()));
		if (query.from() != null) {
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.scopeId() != null) {
			params.put("scope", query.scopeId());
		}
		if (after != null) {
			params.put("after", Timestamp.from(after.changedAt()));
			params.put("afterId", after.id());
			params.put("afterEvent", after.kind() == Kind.EVENT ? Long.parseLong(after.id()) : 0L);
		}
		return params;
	}

	private static Change work(ResultSet rs, int n) throws SQLException {
		List<String> sites = strings(rs.getArray(3));
		return new Change(Kind.WORK, rs.getString(1), rs.getTimestamp(2).toInstant(), sites.isEmpty(), sites,
				strings(rs.getArray(4)));
	}

	private static Change event(ResultSet rs, int n) throws SQLException {
		return new Change(Kind.EVENT, Long.toString(rs.getLong(1)), rs.getTimestamp(2).toInstant(), rs.getBoolean(3),
				List.of(), List.of());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/**
	 * A site as a harvester's set names it.
	 *
	 * @param id the site's id
	 * @param nameZh its Chinese name
	 * @param nameEn its English name
	 * @param township the township station it belongs to; null above township level
	 */
	public record SiteName(String id, String nameZh, String nameEn, String township) {
	}

}
