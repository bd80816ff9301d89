package org.branchlink.gateway.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The check-in token of a registration, for the QR code of its ticket: the registration's and the event's ids and an
 * HMAC-SHA256 of them (cut to 16 bytes), in URL-safe Base64, as {@code BLT1.<ids>.<signature>}. It holds neither the
 * reader's card number nor their name; a token altered or made up does not verify. The key is
 * {@code branchlink.events.ticket-secret} when set, else derived (HMAC with the label {@code event-ticket}) from the
 * platform's stored random key, the one every node reads from PostgreSQL, so any node verifies any node's ticket and a
 * ticket's signature is never that of another kind of token.
 */
@Component
class EventTickets {

	private static final String PREFIX = "BLT1";

	private static final String ALGORITHM = "HmacSHA256";

	private static final int SIGNATURE_BYTES = 16;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final JdbcClient jdbc;

	private final String secret;

	private volatile SecretKeySpec key;

	EventTickets(JdbcClient jdbc, @Value("${branchlink.events.ticket-secret:}") String secret) {
		this.jdbc = jdbc;
		this.secret = secret;
	}

	/** The token of a registration to an event. */
	String token(long registrationId, long eventId) {
		byte[] ids = ByteBuffer.allocate(16).putLong(registrationId).putLong(eventId).array();
		return PREFIX + "." + ENCODER.encodeToString(ids) + "." + ENCODER.encodeToString(sign(ids));
	}

	/** The registration id a genuine token names, or empty for one altered, made up or malformed. */
	Optional<Long> verify(String token) {
		String[] parts = token == null ? new String[0] : token.strip().split("\\.");
		if (parts.length != 3 || !PREFIX.equals(parts[0])) {
			return Optional.empty();
		}
		try {
			byte[] ids = DECODER.decode(parts[1]);
			if (ids.length != 16 || !MessageDigest.isEqual(sign(ids), DECODER.decode(parts[2]))) {
				return Optional.empty();
			}
			return Optional.of(ByteBuffer.wrap(ids).getLong());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private byte[] sign(byte[] ids) {
		return Arrays.copyOf(mac(key(), ids), SIGNATURE_BYTES);
	}

	private SecretKeySpec key() {
		SecretKeySpec known = key;
		if (known == null) {
			byte[] base = secret.isBlank() ? stored() : secret.getBytes(StandardCharsets.UTF_8);
			known = new SecretKeySpec(mac(new SecretKeySpec(base, ALGORITHM), "event-ticket".getBytes(StandardCharsets.UTF_8)),
					ALGORITHM);
			key = known;
		}
		return known;
	}

	/** The platform's random key, made once by the first node that needs it (the table OAI's tokens started). */
	private byte[] stored() {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		jdbc.sql("insert into oai_token_key (id, secret) values (1, :secret) on conflict (id) do nothing")
			.param("secret", fresh)
			.update();
		return jdbc.sql("select secret from oai_token_key where id = 1").query(byte[].class).single();
	}

	private static byte[] mac(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", ex);
		}
	}

}
