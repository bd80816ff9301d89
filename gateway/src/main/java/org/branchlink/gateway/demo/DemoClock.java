package org.branchlink.gateway.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's clock: the real time, except while the demo county lives its recent past at its first start. Holds are
 * placed, shipped, readied, collected and left to expire, events registered for and attended, each on its own day
 * through the services' real verbs, which all read this one clock; a service cannot be told a date it did not live.
 * Only the demo profile has it, and it is back at the real time before the demo says it is ready.
 */
@Component
@Profile("demo")
@Primary
class DemoClock extends Clock {

	private final Clock system;

	private volatile Instant fixed;

	DemoClock() {
		this(Clock.systemDefaultZone());
	}

	private DemoClock(Clock system) {
		this.system = system;
	}

	/** From now on, until {@link #back()}, the time is {@code at}. */
	void travelTo(Instant at) {
		fixed = at;
	}

	/** Back to the real time. */
	void back() {
		fixed = null;
	}

	@Override
	public Instant instant() {
		Instant at = fixed;
		return at != null ? at : system.instant();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(getZone()) ? this : new Zoned(this, zone);
	}

	/** This clock seen from another time zone. */
	private static final class Zoned extends Clock {

		private final DemoClock clock;

		private final ZoneId zone;

		Zoned(DemoClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return clock.withZone(other);
		}

	}

}
