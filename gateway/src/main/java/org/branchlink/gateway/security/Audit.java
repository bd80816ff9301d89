package org.branchlink.gateway.security;

import java.util.Map;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records a privileged action in the audit log: who, what, and on what. Kinds: {@value #REGISTRY_CHANGED},
 * {@value #COPY_MARKED}, {@value #CONFLICT_OVERRIDDEN}, {@value #EXPORTED},
 * {@value #READER_LOOKUP} (a desk's reader search: its count of results, never the name or number searched),
 * {@value #EVENT_CHECK_IN} (a scan at an event's door: the event, the registration and what came of it, never the
 * card number or the token), {@value #STOP_MOVED} (a mobile unit's stop moved by hand on the planning page).
 */
@Component
public class Audit {

	public static final String REGISTRY_CHANGED = "REGISTRY_CHANGED";

	public static final String COPY_MARKED = "COPY_MARKED";

	public static final String CONFLICT_OVERRIDDEN = "CONFLICT_OVERRIDDEN";

	public static final String EXPORTED = "EXPORTED";

	public static final String READER_LOOKUP = "READER_LOOKUP";

	public static final String EVENT_CHECK_IN = "EVENT_CHECK_IN";

	public static final String STOP_MOVED = "STOP_MOVED";

	/** Staff booked a venue on behalf of a troupe (by phone). */
	public static final String VENUE_BOOKED_FOR = "VENUE_BOOKED_FOR";

	private final ApplicationEventPublisher events;

	Audit(ApplicationEventPublisher events) {
		this.events = events;
	}

	/** Records an action of the signed-in principal (a staff account or a site's system). */
	public void record(Authentication who, String type, Map<String, Object> data) {
		record(who == null ? "anonymous" : who.getName(), type, data);
	}

	/** Records an action of a named principal. */
	public void record(String principal, String type, Map<String, Object> data) {
		events.publishEvent(new AuditApplicationEvent(principal, type, data));
	}

}
