package org.branchlink.gateway.web;

import java.time.ZoneId;

import org.branchlink.site.CountySettings;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page shows times in the county's zone ({@code zone} in the model), whatever the server's own zone is. */
@ControllerAdvice(annotations = Controller.class)
class ZoneAdvice {

	private final ZoneId zone;

	ZoneAdvice(CountySettings county) {
		this.zone = county.zone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

}
