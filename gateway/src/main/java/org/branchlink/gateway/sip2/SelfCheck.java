package org.branchlink.gateway.sip2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.branchlink.site.CountySettings;

import org.springframework.stereotype.Component;

/** Opens a {@link Sip2Session} for each kiosk connection, with what its messages need. */
@Component
class SelfCheck {

	private final KioskAccounts accounts;

	private final SelfCheckLoans loans;

	private final SelfCheckPatrons patrons;

	private final SelfCheckItems items;

	private final ZoneId zone;

	private final Clock clock;

	/** Kiosk and copy → the last event's time: only events within the same second need it. */
	private final Map<String, Instant> lastEvents = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.<String, Instant>build()
		.asMap();

	SelfCheck(KioskAccounts accounts, SelfCheckLoans loans, SelfCheckPatrons patrons, SelfCheckItems items,
			CountySettings county, Clock clock) {
		this.accounts = accounts;
		this.loans = loans;
		this.patrons = patrons;
		this.items = items;
		this.zone = county.zone();
		this.clock = clock;
	}

	/** A new session for a connection from {@code remote} (for the log), whose address is {@code client}. */
	Sip2Session open(String remote, String client) {
		return new Sip2Session(remote, client, this);
	}

	KioskAccounts accounts() {
		return accounts;
	}

	/** Answers a message of a signed-in kiosk (not login, not resend: the session handles those). */
	Sip2Message answer(Kiosk kiosk, Sip2Request request, Sip2Message message) {
		return switch (request) {
			case SC_STATUS -> items.status(kiosk);
			case PATRON_STATUS -> patrons.patronStatus(kiosk, message);
			case PATRON_INFORMATION -> patrons.patronInformation(kiosk, message);
			case ITEM_INFORMATION -> items.itemInformation(kiosk, message);
			case CHECKOUT -> loans.checkout(kiosk, message);
			case CHECKIN -> loans.checkin(kiosk, message);
			case RENEW -> loans.renew(kiosk, message);
			case RENEW_ALL -> loans.renewAll(kiosk, message);
			case HOLD -> patrons.hold(kiosk, message);
			case END_SESSION -> patrons.endSession(kiosk, message);
			case LOGIN, RESEND -> throw new IllegalArgumentException(request + " is the session's");
		};
	}

	Kiosk kiosk(KioskAccounts.KioskAccount account) {
		return new Kiosk(account, zone, clock, lastEvents);
	}

}
