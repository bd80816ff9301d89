package org.branchlink.gateway.demand;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of demand tickets, under {@code branchlink.demand}.
 *
 * @param autoPublish put a resident's masked text on the public board at once, without a librarian's approval
 * @param boardCache how long a node answers the public board from memory before reading it again (a change made on
 * this node shows at once)
 */
@ConfigurationProperties("branchlink.demand")
record DemandProperties(@DefaultValue("false") boolean autoPublish, @DefaultValue("PT30S") Duration boardCache) {
}
