package org.branchlink.gateway.web;

import java.time.ZoneId;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.branchlink.gateway.security.BranchLinkUser;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.security.SignInReturn;
import org.branchlink.site.CountySettings;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the shared layout needs on every page: times in the county's zone ({@code zone}, whatever the server's own zone
 * is); the language switch, which returns to this very page with its query (facets, sort, page) and only the language
 * changed ({@code switchLanguage}); the sign-in link, which comes back here afterwards ({@code signIn}); and who is
 * signed in ({@code user}, null for a visitor), from which the navigation shows each role its menus, and whether they
 * only read ({@code readOnly}, an auditor).
 */
@ControllerAdvice(annotations = Controller.class)
class PageAdvice {

	private final ZoneId zone;

	PageAdvice(CountySettings county) {
		this.zone = county.zone();
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return zone;
	}

	@ModelAttribute("switchLanguage")
	String switchLanguage(HttpServletRequest request, Locale locale) {
		String other = "en".equals(locale.getLanguage()) ? "zh-CN" : "en";
		return ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("lang", other)
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

	@ModelAttribute("user")
	BranchLinkUser user(@AuthenticationPrincipal BranchLinkUser user) {
		return user;
	}

	/** An auditor reading (not also central staff): pages show what they show, without their forms. */
	@ModelAttribute("readOnly")
	boolean readOnly(@AuthenticationPrincipal BranchLinkUser user) {
		return user != null && user.roles().contains(Role.AUDITOR) && !user.roles().contains(Role.CENTRAL_ADMIN);
	}

	@ModelAttribute("signIn")
	String signIn(HttpServletRequest request) {
		if ("/login".equals(request.getRequestURI()) || !"GET".equals(request.getMethod())) {
			return request.getContextPath() + "/login";
		}
		return request.getContextPath() + "/login?back=" + SignInReturn.encode(SignInReturn.pathOf(request));
	}

}
