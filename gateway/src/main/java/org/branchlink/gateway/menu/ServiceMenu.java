package org.branchlink.gateway.menu;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.ServiceMode;
import org.branchlink.gateway.notify.Notice;
import org.branchlink.gateway.notify.ReaderNotices;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.InvalidRequestException;
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
 * with a reason; the host records delivery and attendance and rates it. Residents and village committees order too
 * (点单, issue 20): a signed-in reader orders for a village or community centre as a resident or on behalf of its
 * committee; such an order is a request that holds none of the item's quantity until central staff schedule it (so a
 * resident cannot use up a village's menu), and the reader is told of the decision by the channels they chose. The
 * order rate (点单率) is the share of items ordered at least once in a period, whoever ordered them.
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

	/** An order placed by a resident, as a resident or for the committee named. */
	public record ResidentOrder(Long itemId, String siteId, LocalDate wantedDate, String orderer, String committee,
			String note) {
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

	/** One item's figures over a span of days. */
	public record ItemStats(long itemId, String title, String providerSite, int orders, int delivered,
			int participants, Double averageRating) {
	}

	/**
	 * The menu's figures: per item, the order rate (items ordered at least once ÷ items listed), and how many live
	 * orders residents and committees placed.
	 */
	public record Stats(LocalDate from, LocalDate to, int itemsListed, int itemsOrdered, double orderRate,
			List<ItemStats> items, int residentOrders) {
	}

	private static final String LIVE = "('requested', 'scheduled', 'delivered')";

	/** The orders that hold an item's quantity: staff requests, and whatever was scheduled or delivered. */
	private static final String HOLDS_QUOTA = "(o.status in ('scheduled', 'delivered') or o.status = 'requested' and o.requested_by = 'site')";

	private final JdbcClient jdbc;

	private final SiteDirectory sites;

	private final MenuProperties properties;

	private final EventCatalog events;

	private final Clock clock;

	private final ZoneId zone;

	private final ReaderNotices notices;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	ServiceMenu(JdbcClient jdbc, SiteDirectory sites, MenuProperties properties, EventCatalog events, Clock clock,
			CountySettings county, ReaderNotices notices) {
		this.notices = notices;
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
			    coalesce((select sum(o.quantity) from menu_order o where o.item_id = i.id and %s
			        and o.period_start = date_trunc(case i.period when 'month' then 'month' when 'quarter' then 'quarter'
			        else 'year' end, cast(:today as date))::date), 0) as ordered
			from menu_item i""".formatted(HOLDS_QUOTA);

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
		requireQuantityLeft(item, periodStart, quantity);
		requireAllowance(site.id(), periodStart);
		long id = jdbc.sql("""
				insert into menu_order (item_id, ordering_site, wanted_date, quantity, note, status, period_start)
				values (:item, :site, :day, :quantity, :note, 'requested', :start) returning id""")
			.param("item", item.id()).param("site", site.id()).param("day", Date.valueOf(request.wantedDate()))
			.param("quantity", quantity).param("note", request.note() == null ? "" : request.note().strip())
			.param("start", Date.valueOf(periodStart))
			.query(Long.class).single();
		return order(id);
	}

	private Item lockItem(long itemId) {
		jdbc.sql("select id from menu_item where id = :id and active for update").param("id", itemId)
			.query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("menu item", String.valueOf(itemId)));
		return item(itemId);
	}

	private void requireQuantityLeft(Item item, LocalDate periodStart, int quantity) {
		int used = jdbc.sql("select coalesce(sum(o.quantity), 0) from menu_order o where o.item_id = :item and o.period_start = :start and " + HOLDS_QUOTA)
			.param("item", item.id()).param("start", Date.valueOf(periodStart)).query(Integer.class).single();
		if (used + quantity > item.quantityPerPeriod()) {
			throw new ConflictException("menu-quota", used, item.quantityPerPeriod(), item.unit(), item.title(),
					CodedRefusal.word("menu.period." + item.period()), periodStart.toString());
		}
	}

	private void requireAllowance(String siteId, LocalDate periodStart) {
		if (properties.ordersPerSite() > 0) {
			// a site's orders of a period are counted one decision at a time, whatever item they are for
			jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "menu-allowance:" + siteId + ":" + periodStart)
				.query((rs, n) -> 1).list();
			int mine = jdbc.sql("select count(*) from menu_order o where o.ordering_site = :site and o.period_start = :start and " + HOLDS_QUOTA)
				.param("site", siteId).param("start", Date.valueOf(periodStart)).query(Integer.class).single();
			if (mine >= properties.ordersPerSite()) {
				throw new ConflictException("menu-orders-per-site", properties.ordersPerSite(), periodStart.toString());
			}
		}
	}

	/**
	 * A resident orders an item for their village or community centre, as a resident or for its committee. The order
	 * is a request: it must fit what is left of the item (the quantity and the centre's allowance are checked again
	 * when central staff schedule it) and holds none of it meanwhile; a reader has at most
	 * {@code branchlink.menu.resident-open-orders} requests awaiting a decision, one per item and centre and period,
	 * and orders at least {@code resident-lead-days} ahead.
	 */
	@Transactional
	public Order orderAsResident(long readerId, ResidentOrder request) {
		TextLimits.require("note", request.note(), TextLimits.MESSAGE);
		TextLimits.require("committee", request.committee(), TextLimits.NAME);
		if (request.itemId() == null || request.siteId() == null || request.siteId().isBlank() || request.wantedDate() == null) {
			throw new InvalidRequestException("menu-order-incomplete");
		}
		Orderer orderer = Arrays.stream(Orderer.values())
			.filter(o -> o != Orderer.SITE && o.code().equals(request.orderer() == null || request.orderer().isBlank() ? "resident" : request.orderer()))
			.findFirst().orElseThrow(() -> new InvalidRequestException("menu-orderer", String.valueOf(request.orderer())));
		String committee = request.committee() == null ? "" : request.committee().strip();
		if (orderer == Orderer.COMMITTEE && committee.isEmpty()) {
			throw new InvalidRequestException("menu-committee");
		}
		Site site = site(request.siteId());
		if (!properties.orderingKinds().contains(site.kind().code())) {
			throw new InvalidRequestException("menu-not-a-village");
		}
		LocalDate earliest = today().plusDays(properties.residentLeadDays());
		if (request.wantedDate().isBefore(earliest)) {
			throw new InvalidRequestException("menu-lead", properties.residentLeadDays(), earliest.toString());
		}
		Item item = lockItem(request.itemId());
		LocalDate periodStart = period(item.period()).start(request.wantedDate());
		requireQuantityLeft(item, periodStart, 1);
		// one reader's requests are counted under their row's lock, so two at once cannot both pass the limit
		jdbc.sql("select id from reader where id = :id for update").param("id", readerId).query(Long.class).single();
		int open = jdbc.sql("select count(*) from menu_order where reader_id = :reader and status = 'requested'")
			.param("reader", readerId).query(Integer.class).single();
		if (open >= properties.residentOpenOrders()) {
			throw new ConflictException("menu-resident-open", properties.residentOpenOrders());
		}
		boolean twice = jdbc.sql("""
				select exists (select 1 from menu_order where reader_id = :reader and item_id = :item
				    and ordering_site = :site and period_start = :start and status in %s)""".formatted(LIVE))
			.param("reader", readerId).param("item", item.id()).param("site", site.id())
			.param("start", Date.valueOf(periodStart)).query(Boolean.class).single();
		if (twice) {
			throw new ConflictException("menu-resident-twice", item.title());
		}
		long id = jdbc.sql("""
				insert into menu_order (item_id, ordering_site, wanted_date, quantity, note, status, period_start,
				    requested_by, committee, reader_id)
				values (:item, :site, :day, 1, :note, 'requested', :start, :by, :committee, :reader) returning id""")
			.param("item", item.id()).param("site", site.id()).param("day", Date.valueOf(request.wantedDate()))
			.param("note", request.note() == null ? "" : request.note().strip())
			.param("start", Date.valueOf(periodStart)).param("by", orderer.code())
			.param("committee", orderer == Orderer.COMMITTEE ? committee : null).param("reader", readerId)
			.query(Long.class).single();
		return order(id);
	}

	/** A reader's own orders, newest first. */
	public List<Order> ordersOf(long readerId) {
		return jdbc.sql(ORDERS + " where o.reader_id = :reader order by o.id desc limit 50").param("reader", readerId)
			.query(Order.class).list();
	}

	/**
	 * Central staff schedule an order: an event at the ordering site, published like any other. A resident's order
	 * takes its quantity now, so it is refused (409) when the item or the centre's allowance has run out since.
	 */
	@Transactional
	public Order schedule(long orderId, LocalDateTime starts, Integer capacity) {
		Order order = lockOrder(orderId, "requested");
		Item item = order.fromResidents() ? lockItem(order.itemId()) : item(order.itemId());
		if (order.fromResidents()) {
			requireQuantityLeft(item, order.periodStart(), order.quantity());
			requireAllowance(order.orderingSite(), order.periodStart());
		}
		LocalDateTime start = starts == null ? order.wantedDate().atTime(14, 0) : starts;
		CulturalEvent event = events.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, item.providerSite(),
				"menu-order-" + orderId, "", 0, CulturalEvent.Kind.EVENT, EventCategory.parse(item.category()).orElseThrow(),
				item.title(), item.content(), order.orderingSite(), "", start.atZone(zone).toInstant(),
				start.plusMinutes(item.durationMinutes()).atZone(zone).toInstant(), capacity,
				Set.copyOf(item.audience().stream().map(a -> Audience.parse(a).orElseThrow()).toList()), false, null,
				// brought to the ordering village by its provider: a mobile service (送戏下乡), unless it is the provider's own
				false, order.orderingSite().equals(item.providerSite()) ? ServiceMode.VENUE : ServiceMode.MOBILE, null)).event();
		jdbc.sql("update menu_order set status = 'scheduled', decided_at = :now, event_id = :event where id = :id")
			.param("id", orderId).param("event", event.id()).param("now", Timestamp.from(clock.instant())).update();
		tellOrderer(orderId, Notice.MENU_ORDER_SCHEDULED,
				List.of(item.title(), WHEN.format(start), siteName(order.orderingSite())));
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
		Order order = order(orderId);
		tellOrderer(orderId, Notice.MENU_ORDER_DECLINED, List.of(order.itemTitle(), reason.strip()));
		return order;
	}

	/** The resident who placed an order is told of the decision, in this transaction's outbox. */
	private void tellOrderer(long orderId, Notice notice, List<String> args) {
		jdbc.sql("select reader_id from menu_order where id = :id and reader_id is not null").param("id", orderId)
			.query(Long.class).optional()
			.ifPresent(reader -> notices.queue(reader, notice, "menu-order:" + orderId, args));
	}

	private String siteName(String id) {
		return sites.require().find(id).map(site -> site.name().zh()).orElse(id);
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
			    o.period_start, o.reason, o.event_id, o.attendance, o.rating, o.requested_by, o.committee
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
		int residents = jdbc.sql("select count(*) from menu_order where requested_by <> 'site' and status in " + LIVE
				+ " and wanted_date between :from and :to")
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Integer.class).single();
		return new Stats(from, to, items.size(), ordered, items.isEmpty() ? 0 : (double) ordered / items.size(), items,
				residents);
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
