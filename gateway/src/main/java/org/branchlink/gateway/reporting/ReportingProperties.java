package org.branchlink.gateway.reporting;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.branchlink.sync.outbound.ReportDrops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the county reports upward ({@code branchlink.reporting}): the city culture cloud, the provincial platform.
 *
 * @param targets the reporting targets (none by default)
 * @param cron when the due reports are sent (a Quartz cron in the county's zone; default 02:30 every day): each
 * period a target takes is sent once its period has ended, and again each day until the target accepts it
 */
@ConfigurationProperties("branchlink.reporting")
public record ReportingProperties(@DefaultValue List<Target> targets, @DefaultValue("0 30 2 * * ?") String cron) {

	public ReportingProperties {
		targets = List.copyOf(targets);
		long ids = targets.stream().map(Target::id).distinct().count();
		if (ids != targets.size()) {
			throw new IllegalArgumentException("branchlink.reporting.targets: two targets share an id");
		}
	}

	/** The format a target takes. */
	public enum Format {
		/** the figures, events, menu and narrative as one JSON document */
		JSON("application/json"),
		/** the figures as a workbook, the rest in its sheets */
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		private final String mediaType;

		Format(String mediaType) {
			this.mediaType = mediaType;
		}

		public String mediaType() {
			return mediaType;
		}

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * A reporting target.
	 *
	 * @param id a short id ({@code city-cloud})
	 * @param name its name as the staff know it (郑州文旅云)
	 * @param url where reports are posted (http or https)
	 * @param format JSON or XLSX
	 * @param periods the kinds of period it takes: {@code monthly}, {@code quarterly}, {@code annual}
	 * @param dueDays days after a period's end by which it is due (default 10)
	 * @param token a bearer token for an HTTP target, or none (set it from the environment, not in a file)
	 * @param username the account of an SFTP, FTP or FTPS drop
	 * @param password its password (from the environment, not in a file)
	 * @param knownHosts for an SFTP drop: a known-hosts file with the server's key (required: the county's figures go
	 * only to a server BranchLink recognises)
	 */
	public record Target(String id, String name, URI url, @DefaultValue("json") Format format,
			@DefaultValue({ "monthly", "quarterly", "annual" }) Set<String> periods, @DefaultValue("10") int dueDays,
			String token, String username, String password, Path knownHosts) {

		@ConstructorBinding
		public Target {
			if (id == null || id.isBlank() || url == null) {
				throw new IllegalArgumentException("a reporting target needs an id and a url");
			}
			String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
			if (ReportDrops.isDrop(url)) {
				try {
					// the drop states what it needs (an SFTP drop: the server's key); checked here, at start
					new ReportDrops.Drop(url, username, password, knownHosts);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException("reporting target " + id + ": " + ex.getMessage(), ex);
				}
			}
			else if (!scheme.equals("http") && !scheme.equals("https")) {
				throw new IllegalArgumentException("reporting target " + id
						+ ": url must be http, https, sftp, ftp or ftps, got " + url);
			}
			if (!Set.of("monthly", "quarterly", "annual").containsAll(periods)) {
				throw new IllegalArgumentException("reporting target " + id + ": periods are monthly, quarterly, annual");
			}
			name = name == null || name.isBlank() ? id : name;
			periods = Set.copyOf(periods);
		}

		/** An HTTP target. */
		public Target(String id, String name, URI url, Format format, Set<String> periods, int dueDays, String token) {
			this(id, name, url, format, periods, dueDays, token, null, null, null);
		}

		/** Whether reports go into a file drop (SFTP, FTP, FTPS) rather than to an HTTP endpoint. */
		public boolean isDrop() {
			return ReportDrops.isDrop(url);
		}

		/** The drop of a file-drop target. */
		public ReportDrops.Drop drop() {
			return new ReportDrops.Drop(url, username, password, knownHosts);
		}

		/** Without the token and password, which logs must never show. */
		@Override
		public String toString() {
			return "Target[" + id + " " + url + " " + format.code() + " " + periods + "]";
		}

	}

}
