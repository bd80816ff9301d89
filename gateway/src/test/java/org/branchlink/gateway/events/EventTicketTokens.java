package org.branchlink.gateway.events;

import org.springframework.context.ApplicationContext;

/** A registration's ticket token as its QR code holds it, for journeys outside this package that play the scanner. */
public final class EventTicketTokens {

	private EventTicketTokens() {
	}

	public static String of(ApplicationContext context, long registrationId, long eventId) {
		return context.getBean(EventTickets.class).token(registrationId, eventId);
	}

}
