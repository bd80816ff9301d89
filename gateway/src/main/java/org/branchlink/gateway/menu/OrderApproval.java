package org.branchlink.gateway.menu;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.ServiceMode;
import org.branchlink.gateway.menu.ServiceMenu.Item;
import org.branchlink.gateway.menu.ServiceMenu.Order;
import org.branchlink.gateway.notify.Notice;
import org.branchlink.gateway.notify.ReaderNotices;
import org.branchlink.site.CountySettings;
import org.branchlink.site.SiteDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Central staff decide on a menu order awaiting approval: they schedule it (it becomes an event at the ordering site,
 * announced like any other) or reject it with a reason. The resident who placed an order ({@link ResidentOrders}) is
 * told of the decision by the channels they chose.
 */
@Service
class OrderApproval {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final ServiceMenu menu;

	private final MenuQuota quota;

	private final EventCatalog events;

	private final ReaderNotices notices;

	private final SiteDirectory sites;

	private final Clock clock;

	private final ZoneId zone;

	OrderApproval(JdbcClient jdbc, ServiceMenu menu, MenuQuota quota, EventCatalog events, ReaderNotices notices,
			SiteDirectory sites, Clock clock, CountySettings county) {
		this.jdbc = jdbc;
		this.menu = menu;
		this.quota = quota;
		this.events = events;
		this.notices = notices;
		this.sites = sites;
		this.clock = clock;
		this.zone = county.zone();
	}

	/**
	 * Central staff schedule an order: an event at the ordering site, published like any other. A resident's order
	 * takes its quantity now, so it is refused (409) when the item or the centre's allowance has run out since.
	 */
	@Transactional
	public Order schedule(long orderId, LocalDateTime starts, Integer capacity) {
		Order order = menu.lockOrder(orderId, "requested");
		Item item = order.fromResidents() ? menu.lockItem(order.itemId()) : menu.item(order.itemId());
		if (order.fromResidents()) {
			quota.requireQuantityLeft(item, order.periodStart(), order.quantity());
			quota.requireAllowance(order.orderingSite(), order.periodStart());
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
		return menu.order(orderId);
	}

	@Transactional
	public Order reject(long orderId, String reason) {
		menu.lockOrder(orderId, "requested");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("say why the order is rejected");
		}
		jdbc.sql("update menu_order set status = 'rejected', decided_at = :now, reason = :reason where id = :id")
			.param("id", orderId).param("reason", reason.strip()).param("now", Timestamp.from(clock.instant())).update();
		Order order = menu.order(orderId);
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

}
