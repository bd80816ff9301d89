package org.branchlink.gateway.menu;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The service menu's figures over a span of days: per item, the orders, deliveries, participants and average rating;
 * the order rate (点单率), the share of items ordered at least once, whoever ordered them; and how many live orders
 * residents and committees placed.
 */
@Service
public class MenuFigures {

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

	private final JdbcClient jdbc;

	MenuFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Stats stats(LocalDate from, LocalDate to) {
		List<ItemStats> items = jdbc.sql("""
				select i.id, i.title, i.provider_site,
				    count(o.id) filter (where o.status in %s) as orders,
				    count(o.id) filter (where o.status = 'delivered') as delivered,
				    coalesce(sum(o.attendance), 0) as participants, avg(o.rating) as rating
				from menu_item i left join menu_order o on o.item_id = i.id and o.wanted_date between :from and :to
				where i.active group by i.id order by i.id""".formatted(ServiceMenu.LIVE))
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
			.query((rs, n) -> new ItemStats(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getObject(7) == null ? null : Math.round(rs.getDouble(7) * 10) / 10.0))
			.list();
		int ordered = (int) items.stream().filter(item -> item.orders() > 0).count();
		int residents = jdbc.sql("select count(*) from menu_order where requested_by <> 'site' and status in " + ServiceMenu.LIVE
				+ " and wanted_date between :from and :to")
			.param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).query(Integer.class).single();
		return new Stats(from, to, items.size(), ordered, items.isEmpty() ? 0 : (double) ordered / items.size(), items,
				residents);
	}

}
