package org.branchlink.gateway.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log in PostgreSQL (table {@code audit_event}), behind Spring Boot's {@link AuditEventRepository}: what
 * {@link SignInAuditListener} and the privileged actions ({@link Audit}) record, read by central staff at
 * {@code /actuator/auditevents}. The newest 1,000 events that match are answered.
 */
@Repository
class AuditEvents implements AuditEventRepository {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditEvents(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void add(AuditEvent event) {
		jdbc.sql("insert into audit_event (at, principal, type, data) values (:at, :principal, :type, :data::jsonb)")
			.param("at", Timestamp.from(event.getTimestamp()))
			.param("principal", event.getPrincipal())
			.param("type", event.getType())
			.param("data", json.writeValueAsString(event.getData()))
			.update();
	}

	@Override
	public List<AuditEvent> find(String principal, Instant after, String type) {
		return jdbc.sql("""
				select at, principal, type, data::text from audit_event
				where (cast(:principal as text) is null or principal = :principal)
				  and (cast(:after as timestamptz) is null or at > :after)
				  and (cast(:type as text) is null or type = :type)
				order by at desc, id desc limit 1000""")
			.param("principal", principal)
			.param("after", after == null ? null : Timestamp.from(after))
			.param("type", type)
			.query((rs, n) -> new AuditEvent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					json.readValue(rs.getString(4), DATA)))
			.list();
	}

}
