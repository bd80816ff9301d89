package org.branchlink.gateway.menu;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.branchlink.gateway.menu.ServiceMenu.Item;
import org.branchlink.gateway.menu.ServiceMenu.Order;
import org.branchlink.gateway.menu.ServiceMenu.Orderer;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.platform.TextLimits;
import org.branchlink.site.Site;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents and village committees order from the service menu (点单, issue 20): a signed-in reader orders for a
 * village or community centre as a resident or on behalf of its committee. Such an order is a request that holds none
 * of the item's quantity until central staff schedule it (so a resident cannot use up a village's menu); the reader is
 * told of the decision by the channels they chose ({@link ServiceMenu#schedule}, {@link ServiceMenu#reject}).
 */
@Service
public class ResidentOrders {

	/** An order placed by a resident, as a resident or for the committee named. */
	public record ResidentOrder(Long itemId, String siteId, LocalDate wantedDate, String orderer, String committee,
			String note) {
	}

	private final JdbcClient jdbc;

	private final ServiceMenu menu;

	private final MenuQuota quota;

	private final MenuProperties properties;

	ResidentOrders(JdbcClient jdbc, ServiceMenu menu, MenuQuota quota, MenuProperties properties) {
		this.jdbc = jdbc;
		this.menu = menu;
		this.quota = quota;
		this.properties = properties;
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
		Site site = menu.site(request.siteId());
		if (!properties.orderingKinds().contains(site.kind().code())) {
			throw new InvalidRequestException("menu-not-a-village");
		}
		LocalDate earliest = menu.today().plusDays(properties.residentLeadDays());
		if (request.wantedDate().isBefore(earliest)) {
			throw new InvalidRequestException("menu-lead", properties.residentLeadDays(), earliest.toString());
		}
		Item item = menu.lockItem(request.itemId());
		LocalDate periodStart = ServiceMenu.period(item.period()).start(request.wantedDate());
		quota.requireQuantityLeft(item, periodStart, 1);
		// one reader's requests are counted under their row's lock, so two at once cannot both pass the limit
		jdbc.sql("select id from reader where id = :id for update").param("id", readerId).query(Long.class).single();
		int open = jdbc.sql("select count(*) from menu_order where reader_id = :reader and status = 'requested'")
			.param("reader", readerId).query(Integer.class).single();
		if (open >= properties.residentOpenOrders()) {
			throw new ConflictException("menu-resident-open", properties.residentOpenOrders());
		}
		boolean twice = jdbc.sql("""
				select exists (select 1 from menu_order where reader_id = :reader and item_id = :item
				    and ordering_site = :site and period_start = :start and status in %s)""".formatted(ServiceMenu.LIVE))
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
		return menu.order(id);
	}

	/** A reader's own orders, newest first. */
	public List<Order> ordersOf(long readerId) {
		return jdbc.sql(ServiceMenu.ORDERS + " where o.reader_id = :reader order by o.id desc limit 50").param("reader", readerId)
			.query(Order.class).list();
	}

}
