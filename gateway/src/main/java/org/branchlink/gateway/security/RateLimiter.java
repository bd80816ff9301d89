package org.branchlink.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;

import org.springframework.stereotype.Component;

/**
 * Token buckets per client address and per credential, held in the Hazelcast cluster ({@value #MAP}), so every node
 * counts against the same bucket. An idle bucket leaves the map once it would be full again.
 */
@Component
class RateLimiter {

	static final String MAP = "branchlink.rate-limits";

	/** What is counted, each with its own rate. */
	enum Kind {

		/** Requests without credentials, per client address. */
		ANONYMOUS,
		/** What an anonymous client creates (a demand ticket, a survey answer), per client address. */
		PUBLIC_WRITE,
		/** Requests with an API key or HTTP Basic credentials, per credential. */
		CREDENTIAL

	}

	private final ProxyManager<String> buckets;

	private final SecurityProperties.RateLimits limits;

	RateLimiter(HazelcastInstance hazelcast, SecurityProperties properties) {
		this.limits = properties.rateLimits();
		this.buckets = Bucket4jHazelcast.entryProcessorBasedBuilder(hazelcast.<String, byte[]>getMap(MAP))
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.build();
	}

	/**
	 * Takes one request from the bucket of this kind and key.
	 *
	 * @return zero when the request may go on, else the nanoseconds until it may
	 */
	long take(Kind kind, String key) {
		SecurityProperties.Rate rate = switch (kind) {
			case ANONYMOUS -> limits.anonymous();
			case PUBLIC_WRITE -> limits.publicWrites();
			case CREDENTIAL -> limits.credentials();
		};
		ConsumptionProbe probe = buckets
			.getProxy(kind.name() + ":" + key, () -> BucketConfiguration.builder()
				.addLimit(limit -> limit.capacity(rate.burst()).refillGreedy(rate.tokens(), rate.per()))
				.build())
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
	}

	/** A credential's bucket key: its digest, so that no secret is kept in the cluster's memory. */
	static String digest(String credential) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
