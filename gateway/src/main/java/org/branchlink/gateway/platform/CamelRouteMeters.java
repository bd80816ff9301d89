package org.branchlink.gateway.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.service.ServiceHelper;

import org.springframework.stereotype.Component;

/**
 * Every Camel route in the metrics ({@code /actuator/prometheus}), from Camel's own route statistics (camel-management,
 * statistics level {@code RoutesOnly}): {@code branchlink.camel.exchanges} (tags {@code route}, {@code outcome}
 * {@code completed} or {@code failed}), {@code branchlink.camel.exchanges.inflight} and
 * {@code branchlink.camel.route.started} (1 while the route runs). Routes made from templates per site come and go at
 * runtime; their meters come and go with them. Nothing is counted per exchange here: the meters read Camel's counters
 * when scraped.
 */
@Component
class CamelRouteMeters extends EventNotifierSupport implements CamelContextConfiguration {

	private final CamelContext camel;

	private final MeterRegistry registry;

	/**
	 * Each route's statistics and its meters. The statistics are held here: Micrometer keeps only weak references to
	 * what its meters read.
	 */
	private final Map<String, Measured> routes = new ConcurrentHashMap<>();

	private record Measured(ManagedRouteMBean statistics, List<Meter> meters) {
	}

	CamelRouteMeters(CamelContext camel, MeterRegistry registry) {
		this.camel = camel;
		this.registry = registry;
		setIgnoreExchangeEvents(true);
		setIgnoreCamelContextEvents(true);
		setIgnoreServiceEvents(true);
		setIgnoreStepEvents(true);
	}

	@Override
	public void beforeApplicationStart(CamelContext context) {
		// the routes are not there yet
	}

	/** Once Camel has started: the routes there now, and every route added or removed later. */
	@Override
	public void afterApplicationStart(CamelContext context) {
		ServiceHelper.startService(this);
		camel.getManagementStrategy().addEventNotifier(this);
		camel.getRoutes().forEach(route -> add(route.getRouteId()));
	}

	@Override
	public boolean isEnabled(CamelEvent event) {
		return event instanceof CamelEvent.RouteAddedEvent || event instanceof CamelEvent.RouteRemovedEvent;
	}

	@Override
	public void notify(CamelEvent event) {
		Route route = (Route) event.getSource();
		if (event instanceof CamelEvent.RouteAddedEvent) {
			add(route.getRouteId());
		}
		else {
			Measured gone = routes.remove(route.getRouteId());
			if (gone != null) {
				gone.meters().forEach(registry::remove);
			}
		}
	}

	private void add(String routeId) {
		routes.computeIfAbsent(routeId, id -> {
			ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
			ManagedRouteMBean route = managed == null ? null : managed.getManagedRoute(id);
			if (route == null) {
				// JMX off: the route is not managed, and has no statistics to read
				return new Measured(null, List.of());
			}
			return new Measured(route, List.of(
					FunctionCounter.builder("branchlink.camel.exchanges", route, r -> r.getExchangesCompleted())
						.tag("route", id).tag("outcome", "completed").description("exchanges a route completed")
						.register(registry),
					FunctionCounter.builder("branchlink.camel.exchanges", route, r -> r.getExchangesFailed())
						.tag("route", id).tag("outcome", "failed").description("exchanges a route failed")
						.register(registry),
					Gauge.builder("branchlink.camel.exchanges.inflight", route, r -> r.getExchangesInflight())
						.tag("route", id).description("exchanges a route is working on").register(registry),
					Gauge.builder("branchlink.camel.route.started", route, r -> r.getState().equals("Started") ? 1 : 0)
						.tag("route", id).description("1 while the route runs").register(registry)));
		});
	}

}
