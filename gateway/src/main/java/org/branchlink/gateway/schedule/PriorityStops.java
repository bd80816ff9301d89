package org.branchlink.gateway.schedule;

import java.util.Set;

/**
 * The stops the mobile services visit first and more often (seed 001: 深入偏远乡镇、贫困村): the centres of villages
 * the county's population list marks remote or poor. Implemented by the population list; the schedule adds
 * {@code branchlink.schedule.priority-stops}.
 */
public interface PriorityStops {

	/** The site ids of the priority stops. */
	Set<String> siteIds();

}
