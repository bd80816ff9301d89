package org.branchlink.gateway.oai;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OAI-PMH provider's settings, under {@code branchlink.oai}.
 *
 * @param pageSize records or headers per ListRecords/ListIdentifiers response; default 500
 * @param tokenLifetime how long a resumption token is honoured after its page was sent; default one hour
 * @param tokenSecret the key that signs resumption tokens (env {@code BRANCHLINK_OAI_TOKEN_SECRET}); when empty, a
 * random key made once and kept in PostgreSQL, shared by every node
 * @param adminEmail the address Identify names for the repository's administrator
 * @param repositoryName the name Identify gives; when empty, the federation's names from the site registry
 */
@ConfigurationProperties("branchlink.oai")
public record OaiProperties(@DefaultValue("500") int pageSize, @DefaultValue("PT1H") Duration tokenLifetime,
		@DefaultValue("") String tokenSecret, @DefaultValue("oai-admin@branchlink.invalid") String adminEmail,
		@DefaultValue("") String repositoryName) {

	public OaiProperties {
		if (pageSize < 1 || pageSize > 5000) {
			throw new IllegalArgumentException("branchlink.oai.page-size must be between 1 and 5000, not " + pageSize);
		}
	}

}
