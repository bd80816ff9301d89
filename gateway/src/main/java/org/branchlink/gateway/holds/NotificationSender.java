package org.branchlink.gateway.holds;

import java.time.Instant;

/**
 * Tells a reader about their hold or event. {@code ReaderNotices} queues each notice on the channels the reader chose
 * (e-mail, SMS, WeChat); the log line it writes names no reader.
 */
public interface NotificationSender {

	/** The copy for hold {@code holdId} waits at {@code site} until {@code until}. */
	void holdReady(String card, long holdId, String site, Instant until);

	/**
	 * Something about an event the reader registered for: a waitlisted place confirmed, or the event called off. The
	 * default logs the event and the kind of notice, never the reader.
	 */
	default void eventNotice(String card, long eventId, EventNotice notice) {
		System.getLogger(NotificationSender.class.getName())
			.log(System.Logger.Level.INFO, "Notify: event " + eventId + ": " + notice);
	}

	/** What an event notice says. */
	enum EventNotice {
		/** A place became free and the reader moved up from the waiting list. */
		PLACE_CONFIRMED,
		/** The event was cancelled. */
		EVENT_CANCELLED
	}

}
