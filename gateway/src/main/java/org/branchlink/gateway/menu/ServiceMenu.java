package org.branchlink.gateway.menu;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.gateway.site.NotFoundException;
import org.branchlink.site.CountySettings;
import org.branchlink.site.Site;
import org.branchlink.site.SiteDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service menu (菜单式/点单式, DOMAIN §4.4): providers publish items with a quantity per period (month, quarter or
 * year); village and community centres and township stations order within it (and within a per-site allowance,
 * {@link MenuQuota}); central staff schedule an order or reject it ({@link OrderApproval}); the host records delivery
 * and attendance and rates it. Residents and village committees order too ({@link ResidentOrders}); the order rate and
 * the other figures are {@link MenuFigures}.
 */
@Service
public class ServiceMenu {

	/** How often a menu item may be ordered. */
	public enum Period {
		MONTH, QUARTER, YEAR;

		/** The first day of the period that holds {@code day}. */
		public LocalDate start(LocalDate day) {
			return switch (this) {
				case MONTH -> day.withDayOfMonth(1);
				case QUARTER -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
				case YEAR -> day.withDayOfYear(1);
			};
		}
	}

	/** Who placed an order: staff for the site, a resident, or a resident for the village or community committee. */
	public enum Orderer {
		SITE, RESIDENT, COMMITTEE;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** An item as published. */
	public record ItemRequest(String providerSite, String category, String title, String content, String unit,
			Integer quantityPerPeriod, String period, List<String> audience, Integer durationMinutes) {
	}

	/** An item with how much of it is left in the current period. */
	public record Item(long id, String providerSite, String category, String title, String content, String unit,
			int quantityPerPeriod, String period, List<String> audience, int durationMinutes, boolean active,
			int orderedThisPeriod) {

		public int left() {
			return Math.max(0, quantityPerPeriod - orderedThisPeriod);
		}

	}

	/** An order of a menu item by a site. */
	public record OrderRequest(Long itemId, String siteId, LocalDate wantedDate, Integer quantity, String note) {
	}

	/** An order of a menu item, and where it stands. */
	public record Order(long id, long itemId, String itemTitle, String orderingSite, LocalDate wantedDate, int quantity,
			String note, String status, LocalDate periodStart, String reason, Long eventId, Integer attendance,
			Integer rating, String requestedBy, String committee) {

		/** Placed by a resident or a committee rather than by the site's staff. */
		public boolean fromResidents() {
			return !Orderer.SITE.code().equals(requestedBy);
		}
	}

	/** The orders that are not rejected: awaiting a decision, scheduled or delivered. */
	static final String LIVE = "('requested', 'scheduled', 'delivered')";

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final MenuProperties properties;

	private final MenuQuota quota;

	private final Clock clock;

	private final ZoneId zone;

	ServiceMenu(JdbcClient jdbc, SiteDirectory sites, MenuProperties properties, MenuQuota quota, Clock clock,
			CountySettings county) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.properties = properties;
		this.quota = quota;
		this.clock = clock;
		this.zone = county.zone();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	@Transactional
	public Item publish(ItemRequest request) {
		EventCategory category = EventCategory.parse(request.category())
			.orElseThrow(() -> new IllegalArgumentException("unknown category '" + request.category() + "'"));
		Period period = period(request.period() == null ? "quarter" : request.period());
		site(request.providerSite());
		TextLimits.require("title", request.title(), TextLimits.TITLE);
		TextLimits.require("content", request.content(), TextLimits.TEXT);
		TextLimits.require("unit", request.unit(), TextLimits.NAME);
		if (request.title() == null || request.title().isBlank() || request.unit() == null || request.unit().isBlank()) {
			throw new IllegalArgumentException("a menu item needs a title and a unit (场, 讲, 次, 箱…)");
		}
		if (request.quantityPerPeriod() == null || request.quantityPerPeriod() <= 0) {
			throw new IllegalArgumentException("a menu item needs a positive quantity per period");
		}
		List<String> audience = (request.audience() == null ? List.<String>of() : request.audience()).stream()
			.map(code -> Audience.parse(code).orElseThrow(() -> new IllegalArgumentException("unknown audience '" + code + "'")).code())
			.toList();
		long id = jdbc.sql("""
				insert into menu_item (provider_site, category, title, content, unit, quantity_per_period, period,
				    audience, duration_minutes)
				values (:provider, :category, :title, :content, :unit, :quantity, :period, :audience::text[], :minutes)
				returning id""")
			.param("provider", request.providerSite())
			.param("category", category.code())
			.param("title", request.title().strip())
			.param("content", request.content() == null ? "" : request.content().strip())
			.param("unit", request.unit().strip())
			.param("quantity", request.quantityPerPeriod())
			.param("period", period.name().toLowerCase(Locale.ROOT))
			.param("audience", "{" + String.join(",", audience) + "}")
			.param("minutes", request.durationMinutes() == null ? 120 : request.durationMinutes())
			.query(Long.class)
			.single();
		return item(id);
	}

	public List<Item> items() {
		return jdbc.sql(ITEMS + " where i.active order by i.category, i.id").param("today", Date.valueOf(today()))
			.query(ServiceMenu::itemRow).list();
	}

	public Item item(long id) {
		return jdbc.sql(ITEMS + " where i.id = :id").param("id", id).param("today", Date.valueOf(today()))
			.query(ServiceMenu::itemRow).optional().orElseThrow(() -> new NotFoundException("menu item", String.valueOf(id)));
	}

	private static final String ITEMS = """
			select i.id, i.provider_site, i.category, i.title, i.content, i.unit, i.quantity_per_period, i.period,
			    i.audience, i.duration_minutes, i.active,
			    coalesce((select sum(o.quantity) from menu_order o where o.item_id = i.id and %s
			        and o.period_start = date_trunc(case i.period when 'month' then 'month' when 'quarter' then 'quarter'
			        else 'year' end, cast(:today as date))::date), 0) as ordered
			from menu_item i""".formatted(MenuQuota.HOLDS_QUOTA);

	private static Item itemRow(ResultSet rs, int n) throws SQLException {
		return new Item(rs.getLong("id"), rs.getString("provider_site"), rs.getString("category"), rs.getString("title"),
				rs.getString("content"), rs.getString("unit"), rs.getInt("quantity_per_period"), rs.getString("period"),
				Arrays.asList((String[]) rs.getArray("audience").getArray()), rs.getInt("duration_minutes"),
				rs.getBoolean("active"), rs.getInt("ordered"));
	}

	/**
	 * A centre orders an item for a day. Refused (409) when the item's quantity for that day's period is used up or
	 * the site has placed its allowance of orders for the period; the item's row lock makes the check exact when two
	 * centres order its last unit at once.
	 */
	@Transactional
	public Order order(OrderRequest request) {
		TextLimits.require("note", request.note(), TextLimits.MESSAGE);
		if (request.itemId() == null || request.siteId() == null || request.wantedDate() == null) {
			throw new IllegalArgumentException("an order needs the item, the ordering site and the wanted date");
		}
		Site site = site(request.siteId());
		if (!properties.orderingKinds().contains(site.kind().code())) {
			throw new IllegalArgumentException(site.id() + " is a " + site.kind().code() + "; the menu takes orders from "
					+ properties.orderingKinds());
		}
		if (request.wantedDate().isBefore(today())) {
			throw new IllegalArgumentException("the wanted date " + request.wantedDate() + " has passed");
		}
		int quantity = request.quantity() == null ? 1 : request.quantity();
		if (quantity <= 0) {
			throw new IllegalArgumentException("the quantity must be positive");
		}
		Item item = lockItem(request.itemId());
		LocalDate periodStart = period(item.period()).start(request.wantedDate());
		quota.requireQuantityLeft(item, periodStart, quantity);
		quota.requireAllowance(site.id(), periodStart);
		long id = jdbc.sql("""
				insert into menu_order (item_id, ordering_site, wanted_date, quantity, note, status, period_start)
				values (:item, :site, :day, :quantity, :note, 'requested', :start) returning id""")
			.param("item", item.id()).param("site", site.id()).param("day", Date.valueOf(request.wantedDate()))
			.param("quantity", quantity).param("note", request.note() == null ? "" : request.note().strip())
			.param("start", Date.valueOf(periodStart))
			.query(Long.class).single();
		return order(id);
	}

	/** An active item, its row locked until the transaction ends so the orders of it are counted one at a time. */
	Item lockItem(long itemId) {
		quota.lock(itemId);
		return item(itemId);
	}

	@Transactional
	public Order delivered(long orderId, int attendance) {
		lockOrder(orderId, "scheduled");
		jdbc.sql("update menu_order set status = 'delivered', delivered_at = :now, attendance = :n where id = :id")
			.param("id", orderId).param("n", attendance).param("now", Timestamp.from(clock.instant())).update();
		return order(orderId);
	}

	@Transactional
	public Order rate(long orderId, int stars, String comment) {
		if (stars < 1 || stars > 5) {
			throw new IllegalArgumentException("a rating is 1 to 5 stars");
		}
		lockOrder(orderId, "delivered");
		jdbc.sql("update menu_order set rating = :stars, rating_comment = :comment where id = :id")
			.param("id", orderId).param("stars", stars).param("comment", comment).update();
		return order(orderId);
	}

	public Order order(long id) {
		return jdbc.sql(ORDERS + " where o.id = :id").param("id", id).query(Order.class).optional()
			.orElseThrow(() -> new NotFoundException("menu order", String.valueOf(id)));
	}

	/** Orders, newest first; of one site when {@code siteId} is given. */
	public List<Order> orders(String siteId) {
		return jdbc.sql(ORDERS + (siteId == null ? "" : " where o.ordering_site = :site") + " order by o.id desc limit 500")
			.params(siteId == null ? Map.of() : Map.of("site", siteId))
			.query(Order.class).list();
	}

	static final String ORDERS = """
			select o.id, o.item_id, i.title as item_title, o.ordering_site, o.wanted_date, o.quantity, o.note, o.status,
			    o.period_start, o.reason, o.event_id, o.attendance, o.rating, o.requested_by, o.committee
			from menu_order o join menu_item i on i.id = o.item_id""";

	/** An order, its row locked until the transaction ends; refused (409) unless it stands as {@code expected}. */
	Order lockOrder(long orderId, String expected) {
		jdbc.sql("select id from menu_order where id = :id for update").param("id", orderId).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("menu order", String.valueOf(orderId)));
		Order order = order(orderId);
		if (!order.status().equals(expected)) {
			throw new ConflictException("menu-order-state", CodedRefusal.word("menu.status." + order.status()));
		}
		return order;
	}

	Site site(String id) {
		return sites.require().find(id == null ? "" : id).orElseThrow(() -> new NotFoundException("site", String.valueOf(id)));
	}

	static Period period(String text) {
		try {
			return Period.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown period '" + text + "'; one of month, quarter, year", ex);
		}
	}

}
