/**
 * What BranchLink tells the sites' own systems: their change feed ({@code GET /api/sites/{id}/changes}) and, for
 * central staff, the deliveries page (the webhooks' backlog and the changes given up on, to replay). The changes are
 * recorded and delivered by the sync module's {@code outbound} package.
 */
package org.branchlink.gateway.outbound;
