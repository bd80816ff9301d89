package org.branchlink.site;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps the registry in PostgreSQL. Callers run {@link #replace} inside one transaction. */
class SiteRegistryStore {

	private final JdbcClient jdbc;

	SiteRegistryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sha256 of the registry file last loaded, if any. */
	Optional<String> loadedHash() {
		return jdbc.sql("select source_sha256 from federation").query(String.class).optional();
	}

	/**
	 * Replaces the stored registry with this one: sites are upserted and those no longer listed removed, so ids that
	 * other tables reference stay valid.
	 */
	void replace(SiteRegistry registry, String source, String sha256, Instant now) {
		Federation federation = registry.federation();
		jdbc.sql("delete from federation").update();
		jdbc.sql("""
				insert into federation (id, name_zh, name_en, area_code, source, source_sha256, loaded_at)
				values (:id, :zh, :en, :code, :source, :sha, :now)""")
			.param("id", federation.id())
			.param("zh", federation.name().zh())
			.param("en", federation.name().en())
			.param("code", federation.areaCode().value())
			.param("source", source)
			.param("sha", sha256)
			.param("now", Timestamp.from(now))
			.update();
		List<Site> sites = registry.sites();
		jdbc.sql("delete from site where id <> all(:ids)")
			.param("ids", sites.stream().map(Site::id).toArray(String[]::new))
			.update();
		jdbc.sql("delete from site_connector_parameter").update();
		for (int i = 0; i < sites.size(); i++) {
			upsert(sites.get(i), i);
		}
	}

	private void upsert(Site site, int position) {
		jdbc.sql("""
				insert into site (id, position, kind, name_zh, name_en, service_lines, parent_id, area_code, address,
				                  lat, lon, opening_hours, floor_area, connector)
				values (:id, :position, :kind, :zh, :en, :lines, :parent, :code, :address, :lat, :lon, :hours, :area, :connector)
				on conflict (id) do update set position = excluded.position, kind = excluded.kind,
				    name_zh = excluded.name_zh, name_en = excluded.name_en, service_lines = excluded.service_lines,
				    parent_id = excluded.parent_id, area_code = excluded.area_code, address = excluded.address,
				    lat = excluded.lat, lon = excluded.lon, opening_hours = excluded.opening_hours,
				    floor_area = excluded.floor_area, connector = excluded.connector""")
			.param("id", site.id())
			.param("position", position)
			.param("kind", site.kind().code())
			.param("zh", site.name().zh())
			.param("en", site.name().en())
			.param("lines", site.serviceLines().stream().map(ServiceLine::code).sorted().toArray(String[]::new))
			.param("parent", site.parentId())
			.param("code", site.areaCode().value())
			.param("address", site.address())
			.param("lat", site.location().lat())
			.param("lon", site.location().lon())
			.param("hours", site.openingHours())
			.param("area", site.floorArea())
			.param("connector", site.connector().kind().code())
			.update();
		site.connector().parameters().forEach((name, value) -> jdbc
			.sql("insert into site_connector_parameter (site_id, name, value) values (:site, :name, :value)")
			.param("site", site.id())
			.param("name", name)
			.param("value", value)
			.update());
	}

	/** The stored registry; empty before the first load. */
	Optional<SiteRegistry> load() {
		Optional<Federation> federation = jdbc.sql("select id, name_zh, name_en, area_code from federation")
			.query((rs, row) -> new Federation(rs.getString("id"),
					new LocalizedName(rs.getString("name_zh"), rs.getString("name_en")),
					new AreaCode(rs.getString("area_code"))))
			.optional();
		if (federation.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Map<String, String>> parameters = new HashMap<>();
		jdbc.sql("select site_id, name, value from site_connector_parameter").query((ResultSet rs) -> {
			parameters.computeIfAbsent(rs.getString("site_id"), id -> new LinkedHashMap<>())
				.put(rs.getString("name"), rs.getString("value"));
		});
		List<Site> sites = new ArrayList<>(jdbc.sql("select * from site order by position")
			.query((rs, row) -> site(rs, parameters))
			.list());
		return Optional.of(new SiteRegistry(federation.get(), sites));
	}

	private static Site site(ResultSet rs, Map<String, Map<String, String>> parameters) throws SQLException {
		String id = rs.getString("id");
		Array lines = rs.getArray("service_lines");
		Set<ServiceLine> serviceLines = Arrays.stream((String[]) lines.getArray())
			.map(code -> ServiceLine.fromCode(code).orElseThrow())
			.collect(Collectors.toSet());
		return new Site(id, SiteKind.fromCode(rs.getString("kind")).orElseThrow(),
				new LocalizedName(rs.getString("name_zh"), rs.getString("name_en")), serviceLines,
				rs.getString("parent_id"), new AreaCode(rs.getString("area_code")), rs.getString("address"),
				new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")), rs.getString("opening_hours"),
				rs.getObject("floor_area") == null ? null : rs.getDouble("floor_area"),
				new ConnectorSettings(ConnectorKind.fromCode(rs.getString("connector")).orElseThrow(),
						parameters.getOrDefault(id, Map.of())));
	}

}
