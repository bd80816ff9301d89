package org.branchlink.gateway.menu;

import java.sql.Date;
import java.time.LocalDate;

import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.site.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an item's quantity per period and a centre's allowance of orders per period leave to order: which orders hold
 * them, and the checks that refuse (409) an order beyond them. The checks are exact under the item's row lock and the
 * allowance's lock, taken in the caller's transaction, when two orders come at once.
 */
@Component
class MenuQuota {

	/** The orders that hold an item's quantity: staff requests, and whatever was scheduled or delivered. */
	static final String HOLDS_QUOTA = "(o.status in ('scheduled', 'delivered') or o.status = 'requested' and o.requested_by = 'site')";

	private final JdbcClient jdbc;

	private final MenuProperties properties;

	MenuQuota(JdbcClient jdbc, MenuProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** Locks an active item's row until the transaction ends; 404 when there is no such item. */
	void lock(long itemId) {
		jdbc.sql("select id from menu_item where id = :id and active for update").param("id", itemId)
			.query(Long.class).optional()
			.orElseThrow(() -> new NotFoundException("menu item", String.valueOf(itemId)));
	}

	void requireQuantityLeft(ServiceMenu.Item item, LocalDate periodStart, int quantity) {
		int used = jdbc.sql("select coalesce(sum(o.quantity), 0) from menu_order o where o.item_id = :item and o.period_start = :start and " + HOLDS_QUOTA)
			.param("item", item.id()).param("start", Date.valueOf(periodStart)).query(Integer.class).single();
		if (used + quantity > item.quantityPerPeriod()) {
			throw new ConflictException("menu-quota", used, item.quantityPerPeriod(), item.unit(), item.title(),
					CodedRefusal.word("menu.period." + item.period()), periodStart.toString());
		}
	}

	void requireAllowance(String siteId, LocalDate periodStart) {
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

}
