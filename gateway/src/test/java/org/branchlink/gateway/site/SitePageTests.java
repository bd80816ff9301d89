package org.branchlink.gateway.site;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.RegistryChangedException;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.branchlink.site.SiteDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site registry pages: edits go through the registry's validation; a refused one leaves the registry in force. Two
 * officers editing the same site: the form carries the revision of the site it was read from, and the later save is
 * refused with who changed the site and when, the person's input kept, instead of silently undoing the first save.
 */
class SitePageTests extends IntegrationTest {

	private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"([0-9a-f]{16})\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountStore accounts;

	@Autowired
	SiteDirectory directory;

	@AfterEach
	void restoreDemoCounty() {
		directory.load(DemoCounty.registryYaml(), "demo-county.yml", false);
	}

	private Site village() {
		return directory.require().childrenOf("baishi").stream()
			.filter(site -> site.kind().code().equals("village_center") && directory.require().childrenOf(site.id()).isEmpty())
			.findFirst().orElseThrow();
	}

	@Test
	void onlyTheCentralAdministratorEditsTheRegistry() throws Exception {
		mvc.perform(get("/sites/manage").with(user(accounts.loadUserByUsername("librarian")))).andExpect(status().isForbidden());
		mvc.perform(post("/sites/manage/baishi/move").with(csrf()).with(user(accounts.loadUserByUsername("librarian")))
			.param("parentId", "culture-hall")).andExpect(status().isForbidden());
		mvc.perform(get("/sites/manage").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("白石镇综合文化站"), containsString("乡镇综合文化站"))));
	}

	@Test
	void aMoveUnderAParentOfTheWrongLevelIsRefusedBesideTheParentAndChangesNothing() throws Exception {
		Site village = village();

		mvc.perform(post("/sites/manage/" + village.id() + "/move").with(csrf())
			.with(user(accounts.loadUserByUsername("admin")))
			.param("parentId", "central-library"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("修改未生效"), containsString("id=\"move-parent-problem\""),
					containsString("村综合文化服务中心不能设在图书馆总馆（青溪县图书馆）之下。"))));

		assertThat(directory.require().find(village.id()).orElseThrow().parentId()).isEqualTo("baishi");
	}

	@Test
	void aWrongValueIsNamedBesideItsFieldAndAGoodEditIsSaved() throws Exception {
		Site village = village();

		mvc.perform(post("/sites/manage/" + village.id()).with(csrf()).with(user(accounts.loadUserByUsername("admin")))
			.param("kind", "village_center").param("nameZh", "新名字服务中心").param("nameEn", "New Name Centre")
			.param("serviceLines", "library").param("areaCode", village.areaCode().value())
			.param("floorArea", "很大").param("lat", "north").param("lon", "120.1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"site-lat-problem\""), containsString("纬度应为数字"),
					containsString("id=\"site-floor-area-problem\""), containsString("面积应为正数"))));
		assertThat(directory.require().find(village.id()).orElseThrow().name().zh()).isEqualTo(village.name().zh());

		mvc.perform(post("/sites/manage/" + village.id()).with(csrf()).with(user(accounts.loadUserByUsername("admin")))
			.param("kind", "village_center").param("nameZh", "新名字服务中心").param("nameEn", "New Name Centre")
			.param("serviceLines", "library").param("areaCode", village.areaCode().value())
			.param("floorArea", "260").param("lat", "27.6").param("lon", "120.1"))
			.andExpect(redirectedUrl("/sites/manage/" + village.id()))
			.andExpect(flash().attribute("notice", "已保存：新名字服务中心"));
		Site saved = directory.require().find(village.id()).orElseThrow();
		assertThat(saved.name().zh()).isEqualTo("新名字服务中心");
		assertThat(saved.parentId()).isEqualTo("baishi");
		assertThat(saved.connector()).isEqualTo(village.connector());
		assertThat(saved.floorArea()).isEqualTo(260);
	}

	private RequestPostProcessor admin() {
		return user(accounts.loadUserByUsername("admin"));
	}

	private String revisionOnPage(String path) throws Exception {
		String page = mvc.perform(get(path).with(admin())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Matcher revision = REVISION.matcher(page);
		assertThat(revision.find()).as("the form carries its revision").isTrue();
		return revision.group(1);
	}

	private MockHttpServletRequestBuilder save(Site village, String nameZh, String revision) {
		return post("/sites/manage/" + village.id()).with(csrf()).with(admin()).param("revision", revision)
			.param("kind", "village_center").param("nameZh", nameZh).param("nameEn", "Renamed Centre")
			.param("serviceLines", "library").param("areaCode", village.areaCode().value())
			.param("lat", String.valueOf(village.location().lat())).param("lon", String.valueOf(village.location().lon()));
	}

	@Test
	void theLaterOfTwoSavesFromTheSameReadingIsRefusedWithWhoAndWhenAndKeepsItsInput() throws Exception {
		Site village = village();
		String read = revisionOnPage("/sites/manage/" + village.id());
		assertThat(revisionOnPage("/sites/manage/" + village.id())).as("a second officer reads the same").isEqualTo(read);

		mvc.perform(save(village, "甲改的名字服务中心", read))
			.andExpect(redirectedUrl("/sites/manage/" + village.id()));
		String page = mvc.perform(save(village, "乙改的名字服务中心", read))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("admin 于 "), containsString("修改了这个站点，您的修改没有保存"),
					containsString("value=\"乙改的名字服务中心\""))))
			.andReturn().getResponse().getContentAsString();
		assertThat(directory.require().find(village.id()).orElseThrow().name().zh()).isEqualTo("甲改的名字服务中心");
		Matcher fresh = REVISION.matcher(page);
		assertThat(fresh.find()).isTrue();
		assertThat(fresh.group(1)).as("the form now carries the site as it stands").isNotEqualTo(read);

		mvc.perform(save(village, "乙改的名字服务中心", fresh.group(1)))
			.andExpect(redirectedUrl("/sites/manage/" + village.id()))
			.andExpect(flash().attribute("notice", "已保存：乙改的名字服务中心"));
		assertThat(directory.require().find(village.id()).orElseThrow().name().zh()).isEqualTo("乙改的名字服务中心");
	}

	@Test
	void aMoveFromAnOlderReadingIsRefusedInThePagesLanguageAndTheRegistryChecksItToo() throws Exception {
		Site village = village();
		String read = SiteDraft.of(village).revision();
		mvc.perform(save(village, "先改的名字服务中心", read)).andExpect(redirectedUrl("/sites/manage/" + village.id()));

		mvc.perform(post("/sites/manage/" + village.id() + "/move").with(csrf()).with(admin())
			.cookie(new Cookie("branchlink-lang", "en")).param("parentId", "culture-hall").param("revision", read))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("admin changed this site at ")));
		assertThat(directory.require().find(village.id()).orElseThrow().parentId()).isEqualTo("baishi");

		Site renamed = directory.require().find(village.id()).orElseThrow();
		SiteDraft draft = SiteDraft.of(renamed);
		SiteDraft again = new SiteDraft(draft.id(), draft.kind(), "再改的名字服务中心", draft.nameEn(), draft.serviceLines(),
				draft.parentId(), draft.areaCode(), draft.address(), draft.openingHours(), draft.floorArea(), draft.lat(),
				draft.lon());
		assertThatThrownBy(() -> directory.change(village.id(), again, "test.yml", read))
			.isInstanceOfSatisfying(RegistryChangedException.class, ex -> assertThat(ex.siteId()).isEqualTo(village.id()));
		assertThat(directory.change(village.id(), draft, "test.yml", read)).as("the site as it stands: nothing to do")
			.isEmpty();
		assertThat(directory.change(village.id(), again, "test.yml", draft.revision())).isPresent();
	}

}
