package org.branchlink.sync.outbound;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Up to the culture clouds by file drop: writes a report into a target's SFTP, FTP or FTPS folder through the
 * {@code report-drop} route (camel-ftp; a failed try is made twice more, after 2 and 4 s). The file is written under a
 * temporary name and renamed when complete, so the target never reads half a report, and a report sent again replaces
 * the file of the same name: the target gets each period's report once. An SFTP target's host key must be known (a
 * known-hosts file): BranchLink does not send a county's figures to a server it cannot recognise.
 */
@Component
public class ReportDrops extends RouteBuilder {

	static final String ENDPOINT = "direct:report-drop";

	/** The header that carries the target's endpoint (the route's only dynamic part). */
	static final String TARGET = "BranchLinkDropTarget";

	private final ProducerTemplate producer;

	/** The wait before the first retry ({@code branchlink.reporting.retry-delay}, 2 s); the second waits twice as long. */
	private final Duration retryDelay;

	public ReportDrops(ProducerTemplate producer, @Value("${branchlink.reporting.retry-delay:2s}") Duration retryDelay) {
		this.producer = producer;
		this.retryDelay = retryDelay;
	}

	/**
	 * Where a drop goes.
	 *
	 * @param url {@code sftp://host[:port]/folder}, {@code ftp://…} or {@code ftps://…}
	 * @param username the account
	 * @param password its password (from the environment, never in a file)
	 * @param knownHosts for SFTP: the known-hosts file holding the server's key (required)
	 */
	public record Drop(URI url, String username, String password, Path knownHosts) {

		public Drop {
			String scheme = scheme(url);
			if (!isDrop(url)) {
				throw new IllegalArgumentException("a drop is sftp, ftp or ftps, got " + url);
			}
			if (scheme.equals("sftp") && knownHosts == null) {
				throw new IllegalArgumentException("an SFTP drop needs known-hosts, a file with the server's key: " + url);
			}
		}

		/** Without the password, which logs must never show. */
		@Override
		public String toString() {
			return "Drop[" + url + " as " + username + "]";
		}

		String endpoint() {
			String scheme = scheme(url);
			StringBuilder uri = new StringBuilder(scheme).append("://").append(url.getHost());
			if (url.getPort() > 0) {
				uri.append(':').append(url.getPort());
			}
			String folder = url.getPath() == null ? "" : url.getPath();
			uri.append(folder.isEmpty() ? "/" : folder);
			uri.append("?binary=true&autoCreate=true&fileExist=Override&tempFileName=${file:name}.part")
				.append("&disconnect=true&connectTimeout=10000&timeout=30000&throwExceptionOnConnectFailed=true")
				.append("&maximumReconnectAttempts=0");
			if (username != null && !username.isBlank()) {
				uri.append("&username=").append(URLEncoder.encode(username, StandardCharsets.UTF_8));
			}
			if (password != null && !password.isEmpty()) {
				// RAW(): sent as it is, and Camel masks it wherever it shows the endpoint
				uri.append(password.contains(")") ? "&password=RAW{" + password + "}" : "&password=RAW(" + password + ")");
			}
			if (scheme.equals("sftp")) {
				uri.append("&knownHostsFile=").append(URLEncoder.encode(knownHosts.toString(), StandardCharsets.UTF_8))
					.append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false");
			}
			else {
				uri.append("&passiveMode=true");
			}
			return uri.toString();
		}

	}

	/** Whether a target's address is a file drop (SFTP, FTP, FTPS) rather than an HTTP endpoint. */
	public static boolean isDrop(URI url) {
		return url != null && Map.of("sftp", 1, "ftp", 1, "ftps", 1).containsKey(scheme(url));
	}

	private static String scheme(URI url) {
		return url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
	}

	@Override
	public void configure() {
		// any failure (no connection, refused login, unknown host key, a full disk) is tried twice more, then reported
		from(ENDPOINT).routeId("report-drop")
			.errorHandler(defaultErrorHandler().maximumRedeliveries(2)
				.redeliveryDelay(retryDelay.toMillis())
				.useExponentialBackOff()
				.backOffMultiplier(2))
			.toD("${header." + TARGET + "}")
			.id("drop-report");
	}

	/**
	 * Writes a report as {@code fileName} into the drop's folder.
	 *
	 * @return what came of it, as {@link ReportPosts.Answer} (status 0: file drops have no HTTP status)
	 */
	public ReportPosts.Answer put(Drop drop, String fileName, byte[] body) {
		try {
			producer.sendBodyAndHeaders(ENDPOINT, body, Map.of(TARGET, drop.endpoint(), Exchange.FILE_NAME, fileName));
			return new ReportPosts.Answer(true, 0, "written " + fileName + " to " + drop.url());
		}
		catch (CamelExecutionException ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
			return new ReportPosts.Answer(false, 0, reason.length() > 500 ? reason.substring(0, 500) : reason);
		}
	}

}
