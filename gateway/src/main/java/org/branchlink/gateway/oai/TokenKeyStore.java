package org.branchlink.gateway.oai;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key of the resumption tokens: {@code branchlink.oai.token-secret} when set, else 32 random bytes stored once in
 * PostgreSQL by the first node that needs them (every node then reads the same key).
 */
@Component
class TokenKeyStore {

	private final JdbcClient jdbc;

	private final OaiProperties properties;

	private volatile byte[] key;

	TokenKeyStore(JdbcClient jdbc, OaiProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	byte[] key() {
		byte[] known = key;
		if (known == null) {
			known = properties.tokenSecret().isBlank() ? stored() : properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
			key = known;
		}
		return known;
	}

	private byte[] stored() {
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		jdbc.sql("insert into oai_token_key (id, secret) values (1, :secret) on conflict (id) do nothing")
			.param("secret", fresh)
			.update();
		return jdbc.sql("select secret from oai_token_key where id = 1").query(byte[].class).single();
	}

}
