package org.branchlink.gateway.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.notify.ReaderContacts;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Residents and village committees order from the menu for their village (issue 20, point 5): a request holds none
 * of the item until central staff schedule it, the reader is told the decision, refusals are worded, the figures count
 * them.
 */
class ResidentMenuOrderTests extends IntegrationTest {

	private static final AtomicInteger READERS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	ServiceMenu menu;

	@Autowired
	ResidentOrders residentOrders;

	@Autowired
	OrderApproval approval;

	@Autowired
	MenuFigures figures;

	@Autowired
	SiteDirectory sites;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	AccountStore accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReaderContacts contacts;

	/** A reader of a village in 龙湖 with an account of their own, so each test counts only its own orders. */
	private UserDetails resident() {
		String username = "villager" + READERS.incrementAndGet();
		accounts.save(username, "villager-password", "村民", Set.of(Role.READER), Set.of());
		readers.register(new ReaderRegistry.Registration("村民" + username, LocalDate.of(1970, 3, 4), "adult",
				village(0), null, false, null, null, username));
		contacts.save(readers.byUsername(username).orElseThrow().id(), username + "@example.cn", null, Set.of("email"));
		return accounts.loadUserByUsername(username);
	}

	private Reader reader(UserDetails account) {
		return readers.byUsername(account.getUsername()).orElseThrow();
	}

	private String village(int index) {
		return sites.require().childrenOf("longhu").stream().map(Site::id).sorted().toList().get(index);
	}

	private ServiceMenu.Item item(int quantity) {
		return menu.publish(new ServiceMenu.ItemRequest("culture-hall", "lecture", "健康养生讲座进村" + READERS.get(),
				"县医院医生主讲", "讲", quantity, "year", List.of(), 90));
	}

	private MockHttpServletRequestBuilder order(UserDetails who, long item, String site, LocalDate day, String orderer,
			String committee) {
		return post("/menu/village/orders").with(user(who)).with(csrf())
			.param("itemId", String.valueOf(item)).param("siteId", site).param("wantedDate", day.toString())
			.param("orderer", orderer).param("committee", committee).param("note", "村里老人多，希望讲慢性病");
	}

	/** How much of an item the orders of the wanted day's period hold, as the quota check counts it. */
	private int quantityHeld(ServiceMenu.Item item, LocalDate day) {
		return jdbc.sql("""
				select coalesce(sum(quantity), 0) from menu_order where item_id = :item and period_start = :start
				    and (status in ('scheduled', 'delivered') or status = 'requested' and requested_by = 'site')""")
			.param("item", item.id()).param("start", ServiceMenu.Period.YEAR.start(day)).query(Integer.class).single();
	}

	private LocalDate inAMonth() {
		return LocalDate.now().plusDays(30);
	}

	@Test
	void aCommitteesOrderWaitsForTheCentralHallHoldsNothingMeanwhileAndTheResidentIsToldWhenScheduled() throws Exception {
		UserDetails villager = resident();
		ServiceMenu.Item item = item(2);
		mvc.perform(order(villager, item.id(), village(1), inAMonth(), "committee", "龙湖镇某某村村委会"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/menu/village#order"))
			.andExpect(flash().attribute("notice", Matchers.containsString("等待县总馆审核")));
		ServiceMenu.Order order = residentOrders.ordersOf(reader(villager).id()).get(0);
		assertThat(order.status()).isEqualTo("requested");
		assertThat(order.requestedBy()).isEqualTo("committee");
		assertThat(order.committee()).isEqualTo("龙湖镇某某村村委会");
		assertThat(quantityHeld(item, inAMonth())).as("a request holds none of the item").isZero();

		// the reader sees it on the page; central staff see who ordered it
		mvc.perform(get("/menu/village").with(user(villager)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(Matchers.allOf(Matchers.containsString(item.title()), Matchers.containsString("待审批"))));
		mvc.perform(get("/menu").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(content()
				.string(Matchers.allOf(Matchers.containsString("代村（居）委会点单"), Matchers.containsString("龙湖镇某某村村委会"))));

		approval.schedule(order.id(), inAMonth().atTime(15, 0), 80);
		assertThat(quantityHeld(item, inAMonth())).as("scheduled, it takes its quantity").isEqualTo(1);
		menu.order(new ServiceMenu.OrderRequest(item.id(), village(2), inAMonth(), 1, ""));
		assertThatThrownBy(() -> menu.order(new ServiceMenu.OrderRequest(item.id(), village(3), inAMonth(), 1, "")))
			.as("the resident's scheduled order and a staff order use up the two").isInstanceOf(ConflictException.class);
		assertThat(jdbc.sql("""
				select count(*) from notification where reader_id = :r and kind = 'menu-order-scheduled'
				    and subject = :s""").param("r", reader(villager).id()).param("s", "menu-order:" + order.id())
			.query(Integer.class).single()).as("told once, by the one channel chosen").isEqualTo(1);
		assertThat(menu.order(order.id()).eventId()).isNotNull();
	}

	@Test
	void aDeclinedOrderTellsTheResidentWhyAndTheFiguresCountResidentsOrders() throws Exception {
		UserDetails villager = resident();
		ServiceMenu.Item item = item(3);
		String json = mvc.perform(post("/api/menu/resident-orders").with(httpBasic(villager.getUsername(), "villager-password"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemId\":" + item.id() + ",\"siteId\":\"" + village(2) + "\",\"wantedDate\":\"" + inAMonth() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.requestedBy").value("resident"))
			.andReturn().getResponse().getContentAsString();
		long id = ((Number) JsonPath.read(json, "$.id")).longValue();
		MenuFigures.Stats stats = figures.stats(inAMonth().minusDays(1), inAMonth().plusDays(1));
		assertThat(stats.residentOrders()).isGreaterThanOrEqualTo(1);
		assertThat(stats.items().stream().filter(s -> s.itemId() == item.id()).findFirst().orElseThrow().orders())
			.as("the order rate counts residents' orders").isEqualTo(1);

		approval.reject(id, "讲师档期已满，下季度再安排");
		assertThat(jdbc.sql("""
				select payload::text from notification where reader_id = :r and kind = 'menu-order-declined'
				    and channel = 'email'""").param("r", reader(villager).id()).query(String.class).single())
			.contains("讲师档期已满");
		mvc.perform(get("/api/me/menu-orders").with(httpBasic(villager.getUsername(), "villager-password")))
			.andExpect(jsonPath("$[0].status").value("rejected"))
			.andExpect(jsonPath("$[0].reason").value("讲师档期已满，下季度再安排"));
	}

	@Test
	void badOrdersAreRefusedInTheReadersLanguageAndNothingIsStored() throws Exception {
		UserDetails villager = resident();
		ServiceMenu.Item item = item(5);
		mvc.perform(order(villager, item.id(), village(1), LocalDate.now().plusDays(2), "resident", ""))
			.andExpect(flash().attribute("refused", Matchers.containsString("希望日期至少要在 7 天之后")));
		mvc.perform(order(villager, item.id(), village(1), inAMonth(), "committee", " "))
			.andExpect(flash().attribute("refused", Matchers.containsString("请填写村（居）委会名称")));
		mvc.perform(order(villager, item.id(), "culture-hall", inAMonth(), "resident", ""))
			.andExpect(flash().attribute("refused", Matchers.containsString("只能为村（社区）")));
		mvc.perform(order(villager, item.id(), village(1), inAMonth(), "site", "")
				.param("lang", "en"))
			.andExpect(flash().attribute("refused", Matchers.containsString("Unknown way of ordering")));
		assertThat(residentOrders.ordersOf(reader(villager).id())).isEmpty();

		mvc.perform(order(villager, item.id(), village(1), inAMonth(), "resident", "")).andExpect(flash().attributeExists("notice"));
		mvc.perform(order(villager, item.id(), village(1), inAMonth().plusDays(1), "resident", ""))
			.andExpect(flash().attribute("refused", Matchers.containsString("本期您已为这个村（社区）点过")));
		mvc.perform(order(villager, item.id(), village(2), inAMonth(), "resident", "")).andExpect(flash().attributeExists("notice"));
		mvc.perform(order(villager, item.id(), village(3), inAMonth(), "resident", "")).andExpect(flash().attributeExists("notice"));
		mvc.perform(order(villager, item.id(), village(4), inAMonth(), "resident", ""))
			.andExpect(flash().attribute("refused", Matchers.containsString("您已有 3 个点单在等待审核")));
		assertThat(residentOrders.ordersOf(reader(villager).id())).hasSize(3);

		// without sign-in: the page invites to sign in, and an order is not taken
		mvc.perform(get("/menu/village")).andExpect(status().isOk())
			.andExpect(content()
				.string(Matchers.containsString("sign-in-to-order")));
		mvc.perform(post("/menu/village/orders").with(csrf()).param("itemId", String.valueOf(item.id()))
			.param("siteId", village(1)).param("wantedDate", inAMonth().toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		assertThat(residentOrders.ordersOf(reader(villager).id())).hasSize(3);
	}

	@Test
	void whenTheItemRanOutMeanwhileSchedulingTheResidentsOrderIsRefused() {
		UserDetails villager = resident();
		ServiceMenu.Item item = item(1);
		ServiceMenu.Order wish = residentOrders.orderAsResident(reader(villager).id(), new ResidentOrders.ResidentOrder(item.id(),
				village(5), inAMonth(), "resident", null, ""));
		// the township's staff order the last unit for another village: staff orders hold the quantity at once
		menu.order(new ServiceMenu.OrderRequest(item.id(), village(6), inAMonth(), 1, ""));
		LocalDateTime at = inAMonth().atTime(10, 0);
		assertThatThrownBy(() -> approval.schedule(wish.id(), at, null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("Quota exhausted");
		assertThat(menu.order(wish.id()).status()).isEqualTo("requested");
	}

}
