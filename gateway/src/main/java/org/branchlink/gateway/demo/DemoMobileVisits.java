package org.branchlink.gateway.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.branchlink.gateway.schedule.MobileCheckIns;
import org.branchlink.gateway.schedule.StopVisit;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's mobile visits of the past as the crews recorded them: most stops made, checked in at their
 * planned arrival with 8 to 60 people served; one in twenty missed, with a reason a crew gives.
 */
@Component
@Profile("demo")
class DemoMobileVisits {

	private static final List<String> REASONS = List.of("山路塌方，车辆无法通行", "车辆故障，返回维修", "村里办红白喜事，改期",
			"暴雨预警，停止出车");

	private final MobileCheckIns checkIns;

	DemoMobileVisits(MobileCheckIns checkIns) {
		this.checkIns = checkIns;
	}

	/** Records the stops between two past days; returns how many were made. */
	int record(LocalDate from, LocalDate to, ZoneId zone) {
		Random random = new Random(20261207L);
		int made = 0;
		for (StopVisit visit : checkIns.between(from, to)) {
			if (visit.outcome() != StopVisit.Outcome.AWAITED) {
				continue;
			}
			if (random.nextInt(20) == 0) {
				checkIns.missed(visit.id(), REASONS.get(random.nextInt(REASONS.size())), "demo");
			}
			else {
				checkIns.checkIn(visit.id(), 8 + random.nextInt(53), visit.day().atTime(visit.arrive()).atZone(zone).toInstant(),
						"demo");
				made++;
			}
		}
		return made;
	}

}
