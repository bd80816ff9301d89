package org.branchlink.gateway.menu;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
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
 * year); village and community centres and township stations order within it (and within a per-site allowance);
 * central staff schedule an order (it becomes an event at the ordering site, announced like any other) or reject it
 * with a reason; the host records delivery and attendance and rates it. The order rate (点单率) is the share of items
 * ordered at least once in a period.
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
			Integer rating) {
	}

	/** One item's figures over a span of days. */
	public record ItemStats(long itemId, String title, String providerSite, int orders, int delivered,
			int participants, Double averageRating) {
	}

	/** The menu's figures: per item, and the order rate (items ordered at least once ÷ items listed). */
	public record Stats(LocalDate from, LocalDate to, int itemsListed, int itemsOrdered, double orderRate,
			List<ItemStats> items) {
	}

	private static final String LIVE = "('requested', 'scheduled', 'delivered')";

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final MenuProperties properties;

	private final EventCatalog events;

	private final Clock clock;

	private final ZoneId zone;

	ServiceMenu(JdbcClient jdbc, SiteDirectory sites, MenuProperties properties, EventCatalog events, Clock clock,
			CountySettings county) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.zone = county.zone();
	}

	private LocalDate today() {
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
			    coalesce((select sum(o.quantity) from menu_order o where o.item_id = i.id and o.status in %s
			        and o.period_start = date_trunc(case i.period when 'month' then 'month' when 'quarter' then 'quarter'
			        else 'year' end, cast(:today as date))::date), 0) as ordered
			from menu_item i""".formatted(LIVE);

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
		jdbc.sql("select id from menu_item where id = :id and active for update").param("id", request.itemId())
			.query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("menu item", String.valueOf(request.itemId())));
		Item item = item(request.itemId());
		LocalDate periodStart = period(item.period()).start(request.wantedDate());
		int used = jdbc.sql("select coalesce(sum(quantity), 0) from menu_order where item_id = :item and period_start = :start and status in " + LIVE)
			.param("item", item.id()).param("start", Date.valueOf(periodStart)).query(Integer.class).single();
		if (used + quantity > item.quantityPerPeriod()) {
			throw new ConflictException("menu-quota", used, item.quantityPerPeriod(), item.unit(), item.title(),
					CodedRefusal.word("menu.period." + item.period()), periodStart.toString());
		}
		if (properties.ordersPerSite() > 0) {
			int mine = jdbc.sql("select count(*) from menu_order o join menu_item i on i.id = o.item_id where o.ordering_site = :site and o.period_start = :start and o.status in " + LIVE)
				.param("site", site.id()).param("start", Date.valueOf(periodStart)).query(Integer.class).single();
			if (mine >= properties.ordersPerSite()) {
				throw new ConflictException("menu-orders-per-site", properties.ordersPerSite(), periodStart.toString());
			}
		}
		long id = jdbc.sql("""
				insert into menu_order (item_id, ordering_site, wanted_date, quantity, note, status, period_start)
				values (:item, :site, :day, :quantity, :note, 'requested', :start) returning id""")
			.param("item", item.id()).param("site", site.id()).param("day", Date.valueOf(request.wantedDate()))
			.param("quantity", quantity).param("note", request.note() == null ? "" : request.note().strip())
			.param("start", Date.valueOf(periodStart))
			.query(Long.class).single();
		return order(id);
	}

	/** Central staff schedule an order: an event at the ordering site, published like any other. */
	@Transactional
	public Order schedule(long orderId, LocalDateTime starts, Integer capacity) {
		Order order = lockOrder(orderId, "requested");
		Item item = item(order.itemId());
		LocalDateTime start = starts == null ? order.wantedDate().atTime(14, 0) : starts;
		CulturalEvent event = events.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, item.providerSite(),
				"menu-order-" + orderId, "", 0, CulturalEvent.Kind.EVENT, EventCategory.parse(item.category()).orElseThrow(),
				item.title(), item.content(), order.orderingSite(), "", start.atZone(zone).toInstant(),
				start.plusMinutes(item.durationMinutes()).atZone(zone).toInstant(), capacity,
				Set.copyOf(item.audience().stream().map(a -> Audience.parse(a).orElseThrow()).toList()), false, null,
				false)).event();
		jdbc.sql("update menu_order set status = 'scheduled', decided_at = :now, event_id = :event where id = :id")
			.param("id", orderId).param("event", event.id()).param("now", Timestamp.from(clock.instant())).update();
		return order(orderId);
	}

	@Transactional
	public Order reject(long orderId, String reason) {
		lockOrder(orderId, "requested");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("say why the order is rejected");
		}
		jdbc.sql("update menu_order set status = 'rejected', decided_at = :now, reason = :reason where id = :id")
			.param("id", orderId).param("reason", reason.strip()).param("now", Timestamp.from(clock.instant())).update();
		return order(orderId);
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

	private static final String ORDERS = """
			select o.id, o.item_id, i.title as item_title, o.ordering_site, o.wanted_date, o.quantity, o.note, o.status,
			    o.period_start, o.reason, o.event_id, o.attendance, o.rating
			from menu_order o join menu_item i on i.id = o.item_id""";

	public Stats stats(LocalDate from, LocalDate to) {
		List<ItemStats> items = jdbc.sql("""
				select i.id, i.title, i.provider_site,
				    count(o.id) filter (where o.status in %s) as orders,
				    count(o.id) filter (where o.status = 'delivered') as delivered,
				    coalesce(sum(o.attendance), 0) as participants, avg(o.rating) as rating
				from menu_item i left join menu_order o on o.item_id = i.id and o.wanted_date between :from and :to
				where i.active group by i.id order by i.id""".formatted(LIVE))
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query((rs, n) -> new ItemStats(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getObject(7) == null ? null : Math.round(rs.getDouble(7) * 10) / 10.0))
			.list();
		int ordered = (int) items.stream().filter(item -> item.orders() > 0).count();
		return new Stats(from, to, items.size(), ordered, items.isEmpty() ? 0 : (double) ordered / items.size(), items);
	}

	private Order lockOrder(long orderId, String expected) {
		jdbc.sql("select id from menu_order where id = :id for update").param("id", orderId).query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("menu order", String.valueOf(orderId)));
		Order order = order(orderId);
		if (!order.status().equals(expected)) {
			throw new ConflictException("menu-order-state", CodedRefusal.word("menu.status." + order.status()));
		}
		return order;
	}

	private Site site(String id) {
		return sites.require().find(id == null ? "" : id).orElseThrow(() -> new NotFoundException("site", String.valueOf(id)));
	}

	private static Period period(String text) {
		try {
			return Period.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("unknown period '" + text + "'; one of month, quarter, year", ex);
		}
	}

}
