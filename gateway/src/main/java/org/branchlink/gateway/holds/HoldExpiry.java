package org.branchlink.gateway.holds;

import org.branchlink.gateway.circulation.LendingDesk;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every hour: holds uncollected past their pickup days expire and their copies move on to the next hold. */
@Component
class HoldExpiry {

	private final HoldShelf holds;

	private final LendingDesk desk;

	HoldExpiry(HoldShelf holds, LendingDesk desk) {
		this.holds = holds;
		this.desk = desk;
	}

	@Scheduled(cron = "${branchlink.holds.expiry-cron:0 5 * * * *}", zone = "#{@countyZone.id}")
	void expire() {
		holds.expire(desk);
	}

}
