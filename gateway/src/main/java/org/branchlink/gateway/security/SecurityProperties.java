package org.branchlink.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one client from exhausting the node, under {@code branchlink.security}. See
 * {@code src/docs/security.md} for what each protects against.
 *
 * @param rateLimits requests per client (anonymous) and per credential (API key, HTTP Basic)
 * @param signIn throttling and temporary lock-out after failed sign-ins
 * @param maxBody the largest request body the API and the pages take, except uploads
 * @param maxRegistryBody the largest registry file ({@code PUT /api/sites})
 * @param maxUpload the largest upload (MARC files, offline circulation files, bulk loads); only on upload endpoints
 * @param maxFormUpload the largest page form with a file (the event form and its poster): above the poster's own limit,
 * so a poster too large is refused beside its field in the person's language rather than by this filter
 * @param allowedOrigins other origins whose browser pages may send state-changing requests (none by default: only
 * pages served by this platform may)
 */
@ConfigurationProperties("branchlink.security")
public record SecurityProperties(@DefaultValue RateLimits rateLimits, @DefaultValue SignIn signIn,
		@DefaultValue("2MB") DataSize maxBody, @DefaultValue("32MB") DataSize maxRegistryBody,
		@DefaultValue("512MB") DataSize maxUpload, @DefaultValue("10MB") DataSize maxFormUpload,
		List<String> allowedOrigins) {

	public SecurityProperties {
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
	}

	/**
	 * @param enabled whether requests are counted at all
	 * @param anonymous per client address, requests without credentials (pages, public API); default a burst of 120,
	 * 600 a minute
	 * @param publicWrites per client address, what an anonymous client may create (demand tickets, survey answers,
	 * sign-in attempts); default a burst of 10, 30 an hour
	 * @param credentials per API key or per HTTP Basic credential; default a burst of 600, 6,000 a minute
	 * @param exempt client addresses never counted (a health checker, a trusted proxy's own calls)
	 */
	public record RateLimits(@DefaultValue("true") boolean enabled, Rate anonymous, Rate publicWrites,
			Rate credentials, List<String> exempt) {

		public RateLimits {
			anonymous = anonymous == null ? new Rate(120, 600, Duration.ofMinutes(1)) : anonymous;
			publicWrites = publicWrites == null ? new Rate(10, 30, Duration.ofHours(1)) : publicWrites;
			credentials = credentials == null ? new Rate(600, 6000, Duration.ofMinutes(1)) : credentials;
			exempt = exempt == null ? List.of() : List.copyOf(exempt);
		}

	}

	/**
	 * A token bucket: up to {@code burst} requests at once, refilled with {@code tokens} every {@code per}.
	 *
	 * @param burst the bucket's capacity
	 * @param tokens how many requests are allowed per period on average
	 * @param per the period
	 */
	public record Rate(long burst, long tokens, Duration per) {
	}

	/**
	 * @param maxFailuresPerAccount failed sign-ins of one account before it is locked
	 * @param maxFailuresPerClient failed sign-ins from one client address before it is locked
	 * @param lockFor how long a lock lasts (and the window the failures are counted in, from the last one)
	 */
	public record SignIn(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerClient,
			@DefaultValue("PT15M") Duration lockFor) {
	}

}
