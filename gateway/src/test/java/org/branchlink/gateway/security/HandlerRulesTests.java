package org.branchlink.gateway.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** The default rule of both chains, on handlers of its own (no application). */
class HandlerRulesTests {

	/** Handlers with every kind of rule, and one with none. */
	@RestController
	static class Probe {

		@GetMapping("/things")
		@Public
		String list() {
			return "";
		}

		@GetMapping("/things/new")
		@CentralAdminOnly
		String form() {
			return "";
		}

		@GetMapping("/things/{id}")
		@Public
		String one(@PathVariable String id) {
			return id;
		}

		@PostMapping("/things")
		@LibrarianOrCentral
		String add(@RequestBody String body) {
			return body;
		}

		@PostMapping("/sites/{siteId}/things")
		@PreAuthorize("hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
		String push(@PathVariable String siteId) {
			return siteId;
		}

		@GetMapping("/runs")
		@PreAuthorize("hasRole('CENTRAL_ADMIN') or hasRole('LIBRARIAN') and #site != null "
				+ "and @siteAccess.mayActFor(authentication, #site)")
		String runs(@RequestParam(required = false) String site) {
			return "";
		}

		@PostMapping(path = "/upload", consumes = "application/json")
		@ReaderOnly
		String uploadJson(@RequestBody String body) {
			return body;
		}

		@PostMapping(path = "/upload", consumes = "text/plain")
		@LibrarianOrCentral
		String uploadText(@RequestBody String body) {
			return body;
		}

		@GetMapping("/forgotten")
		String forgotten() {
			return "";
		}

	}

	HandlerRules rules;

	@BeforeEach
	void mapping() {
		StaticWebApplicationContext context = new StaticWebApplicationContext();
		context.registerSingleton("probe", Probe.class);
		context.refresh();
		RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		rules = new HandlerRules(() -> mapping);
	}

	@Test
	void aHandlerWithoutARuleIsDeniedToEveryone() {
		assertThat(admits("GET", "/forgotten", as("ROLE_CENTRAL_ADMIN"))).isFalse();
		assertThat(admits("GET", "/forgotten", anonymous())).isFalse();
	}

	@Test
	void aRequestThatReachesNoHandlerIsDenied() {
		assertThat(admits("GET", "/nothing", as("ROLE_CENTRAL_ADMIN"))).isFalse();
		assertThat(admits("DELETE", "/things", as("ROLE_CENTRAL_ADMIN"))).isFalse();
		assertThat(admits("HEAD", "/things", anonymous())).isFalse();
		assertThat(admits("GET", "/things/", anonymous())).isFalse();
	}

	@Test
	void theRolesOfTheRuleAreCheckedOnTheRequest() {
		assertThat(admits("GET", "/things", anonymous())).isTrue();
		assertThat(admits("POST", "/things", as("ROLE_LIBRARIAN"))).isTrue();
		assertThat(admits("POST", "/things", as("ROLE_READER"))).isFalse();
		assertThat(admits("POST", "/things", anonymous())).isFalse();
	}

	@Test
	void theMostSpecificPatternDecides() {
		assertThat(admits("GET", "/things/new", anonymous())).isFalse();
		assertThat(admits("GET", "/things/new", as("ROLE_CENTRAL_ADMIN"))).isTrue();
		assertThat(admits("GET", "/things/42", anonymous())).isTrue();
	}

	@Test
	void aSitePartIsLeftToTheCallButItsRolesAreNot() {
		assertThat(admits("POST", "/sites/baishi/things", new SiteSystemAuthentication("longhu"))).isTrue();
		assertThat(admits("POST", "/sites/baishi/things", as("ROLE_LIBRARIAN"))).isFalse();
		assertThat(admits("GET", "/runs", as("ROLE_LIBRARIAN"))).isTrue();
		assertThat(admits("GET", "/runs", as("ROLE_CENTRAL_ADMIN"))).isTrue();
		assertThat(admits("GET", "/runs", as("ROLE_READER"))).isFalse();
	}

	@Test
	void handlersSharingPathAndMethodMustAllAdmit() {
		assertThat(admits("POST", "/upload", as("ROLE_READER"))).isFalse();
		assertThat(admits("POST", "/upload", as("ROLE_LIBRARIAN"))).isFalse();
		assertThat(admits("POST", "/upload", as("ROLE_READER", "ROLE_LIBRARIAN"))).isTrue();
	}

	@Test
	void aRuleDescribesItsRolesAndItsSitePart() {
		assertThat(new AccessRule("permitAll()").describe()).isEqualTo("Role: anyone.");
		assertThat(new AccessRule("hasRole('CENTRAL_ADMIN')").describe()).isEqualTo("Role: CENTRAL_ADMIN.");
		assertThat(new AccessRule("hasAnyRole('READER','LIBRARIAN','CENTRAL_ADMIN')").describe())
			.isEqualTo("Role: READER, LIBRARIAN or CENTRAL_ADMIN.");
		assertThat(new AccessRule("hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') and @siteAccess.mayActFor(authentication, #siteId)")
			.describe()).isEqualTo("Role: SITE_SYSTEM or CENTRAL_ADMIN. Rule: `hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') "
					+ "and @siteAccess.mayActFor(authentication, #siteId)`.");
	}

	private boolean admits(String method, String path, Authentication authentication) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		return rules.authorize(() -> authentication, new RequestAuthorizationContext(request)).isGranted();
	}

	private static Authentication as(String... authorities) {
		return UsernamePasswordAuthenticationToken.authenticated("someone", null,
				AuthorityUtils.createAuthorityList(authorities));
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

}
