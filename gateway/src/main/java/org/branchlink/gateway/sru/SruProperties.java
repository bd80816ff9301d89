package org.branchlink.gateway.sru;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SRU server's settings, under {@code branchlink.sru}.
 *
 * @param defaultRecords records per searchRetrieve response when the request does not say; default 10
 * @param maximumRecords the most records one response gives, whatever the request asks; default 100
 * @param defaultTerms terms per scan response when the request does not say; default 20
 * @param maximumTerms the most terms one scan response gives; default 100
 */
@ConfigurationProperties("branchlink.sru")
public record SruProperties(@DefaultValue("10") int defaultRecords, @DefaultValue("100") int maximumRecords,
		@DefaultValue("20") int defaultTerms, @DefaultValue("100") int maximumTerms) {

	public SruProperties {
		if (maximumRecords < 1 || maximumRecords > 1000) {
			throw new IllegalArgumentException(
					"branchlink.sru.maximum-records must be between 1 and 1000, not " + maximumRecords);
		}
		if (defaultRecords < 0 || defaultRecords > maximumRecords) {
			throw new IllegalArgumentException("branchlink.sru.default-records must be between 0 and maximum-records ("
					+ maximumRecords + "), not " + defaultRecords);
		}
		if (maximumTerms < 1 || maximumTerms > 1000 || defaultTerms < 1 || defaultTerms > maximumTerms) {
			throw new IllegalArgumentException("branchlink.sru.maximum-terms must be between 1 and 1000 and "
					+ "default-terms between 1 and it, not " + maximumTerms + " and " + defaultTerms);
		}
	}

}
