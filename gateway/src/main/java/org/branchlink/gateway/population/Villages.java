package org.branchlink.gateway.population;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.schedule.PriorityStops;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteLevel;
import org.branchlink.site.SiteRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The villages and communities of the county with their resident population and the centre that serves each (issue
 * 20, point 1). Imported whole from the statistics bureau's list: a file with any bad line is refused whole, with
 * every problem and its line, and the list in force stays. A village without a {@code served_by} is served by the
 * registry's centre of the same area code, if there is one. Owns {@code village}.
 */
@Service
public class Villages implements PriorityStops {

	/** A village or community as stored; {@code priority} {@code remote}, {@code poor} or null. */
	public record Village(String areaCode, String name, int residents, String servedBy, String priority) {

		/** The first nine digits: its township. */
		public String township() {
			return areaCode.substring(0, 9);
		}

		/** Communities (居委会) are coded 001–199 within their township, villages (村委会) 200–399. */
		public boolean community() {
			return areaCode.charAt(9) < '2';
		}
	}

	/** What an import did. */
	public record Imported(int villages, int residents, int served) {
	}

	/** A file refused whole: each problem with its line. */
	public static class RefusedFile extends InvalidRequestException {

		private static final long serialVersionUID = 1L;

		private final transient List<VillageFile.Problem> problems;

		RefusedFile(List<VillageFile.Problem> problems) {
			super("village-file", problems.size());
			this.problems = List.copyOf(problems);
		}

		public List<VillageFile.Problem> problems() {
			return problems;
		}
	}

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final Clock clock;

	Villages(JdbcClient jdbc, SiteDirectory sites, Clock clock) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.clock = clock;
	}

	/** Replaces the list with the file's, or refuses the file whole ({@link RefusedFile}). */
	@Transactional
	public Imported replace(String filename, byte[] bytes, String by) {
		VillageFile.Read read = VillageFile.read(filename, bytes);
		SiteRegistry registry = sites.require();
		String county = registry.federation().areaCode().county();
		List<VillageFile.Problem> problems = new ArrayList<>(read.problems());
		Set<String> seen = new HashSet<>();
		for (VillageFile.Line line : read.lines()) {
			if (!line.areaCode().startsWith(county)) {
				problems.add(new VillageFile.Problem(line.number(), "county", line.areaCode()));
			}
			else if (line.areaCode().endsWith("000")) {
				problems.add(new VillageFile.Problem(line.number(), "not-village", line.areaCode()));
			}
			else if (!seen.add(line.areaCode())) {
				problems.add(new VillageFile.Problem(line.number(), "twice", line.areaCode()));
			}
			else if (!line.servedBy().isEmpty() && registry.find(line.servedBy()).isEmpty()) {
				problems.add(new VillageFile.Problem(line.number(), "site", line.servedBy()));
			}
		}
		if (read.lines().isEmpty() && problems.isEmpty()) {
			problems.add(new VillageFile.Problem(0, "empty", ""));
		}
		if (!problems.isEmpty()) {
			throw new RefusedFile(problems.stream().sorted(Comparator.comparingInt(VillageFile.Problem::line)).limit(50).toList());
		}
		// one import at a time: a second waits, then replaces the first's list whole
		jdbc.sql("lock table village in exclusive mode").update();
		jdbc.sql("delete from village").update();
		int served = 0;
		int residents = 0;
		Timestamp now = Timestamp.from(clock.instant());
		for (VillageFile.Line line : read.lines()) {
			String servedBy = line.servedBy().isEmpty() ? centreOf(registry, line.areaCode()) : line.servedBy();
			served += servedBy == null ? 0 : 1;
			residents += line.residents();
			jdbc.sql("""
					insert into village (area_code, name, residents, served_by, priority, updated_at, updated_by)
					values (:code, :name, :residents, :servedBy, :priority, :now, :by)""")
				.param("code", line.areaCode()).param("name", line.name()).param("residents", line.residents())
				.param("priority", line.priority().isEmpty() ? null : line.priority())
				.param("servedBy", servedBy).param("now", now).param("by", by).update();
		}
		return new Imported(read.lines().size(), residents, served);
	}

	/** The registry's village or community centre with the village's own area code. */
	private static String centreOf(SiteRegistry registry, String areaCode) {
		return registry.sites().stream()
			.filter(site -> site.areaCode().value().equals(areaCode))
			.filter(site -> site.kind().level() == SiteLevel.SERVICE_POINT)
			.map(Site::id).sorted().findFirst().orElse(null);
	}

	public List<Village> all() {
		return jdbc.sql("select area_code, name, residents, served_by, priority from village order by area_code")
			.query(Village.class).list();
	}

	/** The centres serving a village marked remote or poor: the mobile services' priority stops. */
	@Override
	public Set<String> siteIds() {
		return Set.copyOf(jdbc.sql("select distinct served_by from village where priority is not null and served_by is not null")
			.query(String.class).list());
	}

}
