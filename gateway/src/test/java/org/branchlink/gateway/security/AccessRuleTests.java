package org.branchlink.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import org.branchlink.gateway.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every handler states its access rule, both halves of a rule are applied, and the API description shows them. */
class AccessRuleTests extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	MockMvc mvc;

	@Test
	void everyHandlerOfOursStatesARuleThatNamesItsRoles() {
		List<String> without = new ArrayList<>();
		Set<String> others = new TreeSet<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.branchlink.")) {
				others.add(handler.getBeanType().getName());
				return;
			}
			var rule = AccessRule.of(handler);
			if (rule.isEmpty() || !rule.get().isPublic() && rule.get().roles().isEmpty()) {
				without.add(info + " " + handler.getShortLogMessage());
			}
		});
		assertThat(without).isEmpty();
		// handlers that are not ours are reached only through the paths SecurityConfiguration opens
		assertThat(others).allMatch(name -> name.equals(BasicErrorController.class.getName())
				|| name.startsWith("org.springdoc."), "the error page and the OpenAPI description only");
	}

	@Test
	void theRolesAreCheckedBeforeTheRequestIsRead() throws Exception {
		mvc.perform(post("/api/sites/baishi/records").contentType(MediaType.APPLICATION_JSON).content("not json"))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/sites/baishi/records").contentType(MediaType.APPLICATION_JSON)
			.content("not json")
			.with(httpBasic("reader", "demo-reader")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Your role does not allow this request."));
	}

	@Test
	void theSitePartIsCheckedWhenTheHandlerIsCalled() throws Exception {
		mvc.perform(get("/api/sites/longhu/pull-list").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Your role does not allow this request."));
		mvc.perform(get("/api/sites/baishi/pull-list").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isOk());
		// an unknown site: 403 for one who may not act for it, 404 for central staff (who may act for any)
		mvc.perform(get("/api/sites/no-such-site/pull-list").with(httpBasic("librarian", "demo-librarian")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/sites/no-such-site/pull-list").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theApiDescriptionShowsEachOperationsRule() throws Exception {
		String document = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/circulation/status'].get.description")
				.value("Role: LIBRARIAN or CENTRAL_ADMIN."))
			.andExpect(jsonPath("$.paths['/api/search'].get.description", startsWith("Role: anyone. q takes")))
			.andExpect(jsonPath("$.paths['/api/sites/{siteId}/records'].post.description",
					startsWith("Role: SITE_SYSTEM or CENTRAL_ADMIN. Rule: `hasAnyRole('SITE_SYSTEM','CENTRAL_ADMIN') and "
							+ "@siteAccess.mayActFor(authentication, #siteId)`. ")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> wrong = new ArrayList<>();
		mapping.getHandlerMethods().forEach((info, handler) -> AccessRule.of(handler).ifPresent(rule -> {
			for (String path : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					Map<String, Object> operation = operation(document, path, method);
					if (path.startsWith("/api/") && (operation == null
							|| !String.valueOf(operation.get("description")).startsWith(rule.describe()))) {
						wrong.add(method + " " + path + ": " + (operation == null ? "missing" : operation.get("description")));
					}
				}
			}
		}));
		assertThat(wrong).isEmpty();
	}

	private static Map<String, Object> operation(String document, String path, RequestMethod method) {
		Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
		Map<String, Map<String, Object>> operations = paths.get(path);
		return operations == null ? null : operations.get(method.name().toLowerCase(Locale.ROOT));
	}

}
