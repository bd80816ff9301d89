package org.branchlink.gateway.security;

import java.util.Set;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteRegistry;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may call what: roles, API keys and the site scope. */
class SecurityTests extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	SiteAccess access;

	@Autowired
	SiteDirectory directory;

	@Test
	void aSiteSystemSignsInWithItsApiKey() throws Exception {
		mvc.perform(get("/api/me").header("X-API-Key", "demo-central-library-key"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("SITE_SYSTEM"))
			.andExpect(jsonPath("$.sites[0]").value("central-library"));
	}

	@Test
	void anUnknownApiKeyIsRefusedEvenWithValidBasicCredentials() throws Exception {
		mvc.perform(get("/api/me").header("X-API-Key", "guessed").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Sign in with HTTP Basic or an X-API-Key header: unknown or revoked API key"));
	}

	@Test
	void basicSignInShowsRolesAndSites() throws Exception {
		mvc.perform(get("/api/me").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[0]").value("LIBRARIAN"))
			.andExpect(jsonPath("$.sites[0]").value(DemoCounty.demoLibrarianSite()));
		mvc.perform(get("/api/me").with(httpBasic("reader", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic")));
		mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
	}

	@Test
	void anEndpointWithoutAStatedRoleIsDeniedToEveryone() throws Exception {
		mvc.perform(get("/api/not-declared").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/not-declared")).andExpect(status().isFound()).andExpect(header().string("Location",
				Matchers.endsWith("/login")));
		mvc.perform(get("/not-declared").with(user(accounts.loadUserByUsername("admin")))).andExpect(status().isForbidden());
	}

	@Test
	void operationsEndpointsAreForCentralAdmins() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
	}

	@Test
	void theLoginFormSignsInAndRefusesWrongPasswords() throws Exception {
		mvc.perform(formLogin("/login").user("reader").password("demo-reader")).andExpect(authenticated());
		mvc.perform(formLogin("/login").user("reader").password("nope")).andExpect(unauthenticated());
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void aLibrarianActsForTheirTownshipAndTheSitesBelowItOnly() {
		SiteRegistry registry = directory.require();
		String ownVillage = registry.childrenOf("baishi").get(0).id();
		String otherVillage = registry.childrenOf("longhu").get(0).id();
		Authentication librarian = signedIn("librarian");

		assertThat(access.mayActFor(librarian, "baishi")).isTrue();
		assertThat(access.mayActFor(librarian, ownVillage)).isTrue();
		assertThat(access.mayActFor(librarian, "longhu")).isFalse();
		assertThat(access.mayActFor(librarian, otherVillage)).isFalse();
		assertThat(access.mayActFor(librarian, "central-library")).isFalse();
		assertThat(access.mayActFor(signedIn("admin"), otherVillage)).isTrue();
		assertThat(access.mayActFor(signedIn("reader"), "baishi")).isFalse();
		assertThat(access.mayActFor(new SiteSystemAuthentication("baishi"), "baishi")).isTrue();
		assertThat(access.mayActFor(new SiteSystemAuthentication("baishi"), ownVillage)).isFalse();
	}

	@Test
	void passwordsAndApiKeysAreNeverStoredInClear() {
		accounts.save("probe", "probe-secret", "Probe", Set.of(Role.READER), Set.of());
		accounts.saveApiKey("probe-key-123", "baishi", "probe");

		BranchLinkUser user = (BranchLinkUser) accounts.loadUserByUsername("probe");
		assertThat(user.getPassword()).startsWith("{bcrypt}").doesNotContain("probe-secret");
		assertThat(accounts.siteOfApiKey("probe-key-123")).hasValue("baishi");
		assertThat(accounts.siteOfApiKey("probe-key-12")).isEmpty();
	}

	private Authentication signedIn(String username) {
		BranchLinkUser user = (BranchLinkUser) accounts.loadUserByUsername(username);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}


}
