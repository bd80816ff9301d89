/**
 * The SIP2 server for self-service kiosks (3M Standard Interchange Protocol 2.00): a TCP server
 * ({@link org.branchlink.gateway.sip2.Sip2Server}), the protocol codec (messages, fields, sequence numbers and
 * checksums; plain Java, no framework), the kiosk accounts, and the mapping of each message to BranchLink's lending,
 * readers and holds. Every loan and return a kiosk makes goes through
 * {@link org.branchlink.gateway.circulation.LendingDesk}, the one intake of circulation events.
 */
package org.branchlink.gateway.sip2;
