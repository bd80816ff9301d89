package org.branchlink.gateway.site;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The site registry pages: edits go through the registry's validation; a refused one leaves the registry in force. */
class SitePageTests extends IntegrationTest {

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
			.param("lat", "north").param("lon", "120.1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"site-lat-problem\""), containsString("纬度应为数字"))));
		assertThat(directory.require().find(village.id()).orElseThrow().name().zh()).isEqualTo(village.name().zh());

		mvc.perform(post("/sites/manage/" + village.id()).with(csrf()).with(user(accounts.loadUserByUsername("admin")))
			.param("kind", "village_center").param("nameZh", "新名字服务中心").param("nameEn", "New Name Centre")
			.param("serviceLines", "library").param("areaCode", village.areaCode().value())
			.param("lat", "27.6").param("lon", "120.1"))
			.andExpect(redirectedUrl("/sites/manage/" + village.id()))
			.andExpect(flash().attribute("notice", "已保存：新名字服务中心"));
		Site saved = directory.require().find(village.id()).orElseThrow();
		assertThat(saved.name().zh()).isEqualTo("新名字服务中心");
		assertThat(saved.parentId()).isEqualTo("baishi");
		assertThat(saved.connector()).isEqualTo(village.connector());
	}

}
