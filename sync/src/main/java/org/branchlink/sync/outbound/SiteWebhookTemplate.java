package org.branchlink.sync.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.branchlink.sync.SyncProperties;

import org.springframework.stereotype.Component;

/**
 * The webhook connector, down to a site's own system: every {@code period} the route of a site takes the site's next
 * changes ({@link WebhookOutbox#claim}) and posts each, oldest first, as JSON to the site's {@code webhook-url}, signed
 * with the site's secret, until one fails; that one waits its back-off (kept in the database) and the rest wait
 * behind it, so a site's changes arrive in order. After the last attempt a change is dead: recorded by the shared
 * dead letter, listed for replay, and only later changes of other copies go on. Instantiated per site by
 * {@code ConnectorRoutes} as {@code site-webhook.<site>}.
 *
 * <p>Each call carries {@code Idempotency-Key} (the same on every try of a change: a receiver takes each key once),
 * {@code X-BranchLink-Change} (its kind) and {@code X-BranchLink-Signature: t=<unix seconds>,v1=<hex>}, the
 * HMAC-SHA256 of {@code <t>.<body>} under the site's secret ({@code branchlink.sync.webhooks.secrets.<site>}).
 */
@Component
public class SiteWebhookTemplate extends RouteBuilder {

	public static final String ID = "site-webhook";

	/** The shared dead letter of the sync routes (see the route package's error handling). */
	private static final String DEAD_LETTER = "direct:sync-dead-letter";

	private final SyncProperties.Webhooks settings;

	private final Clock clock;

	public SiteWebhookTemplate(SyncProperties properties, Clock clock) {
		this.settings = properties.webhooks();
		this.clock = clock;
	}

	@Override
	public void configure() {
		HttpComponent http = getCamelContext().getComponent("http", HttpComponent.class);
		http.setConnectTimeout(settings.connectTimeout().toMillis());
		http.setResponseTimeout(settings.responseTimeout().toMillis());
		http.setSoTimeout(settings.responseTimeout().toMillis());

		routeTemplate(ID).templateParameter("siteId")
			.templateParameter("url")
			.templateParameter("period", "1000")
			.from("timer:site-webhook-{{siteId}}?period={{period}}&delay={{period}}")
			.setProperty("siteId", constant("{{siteId}}"))
			.id("site")
			.doTry()
				.bean(WebhookOutbox.class, "claim")
				.id("claim")
				.split(body()).stopOnException()
					.setProperty("changeId", simple("${body.id}"))
					.process(this::sign)
					.id("sign")
					.setHeader(Exchange.HTTP_URI, constant("{{url}}"))
					.setHeader(Exchange.HTTP_METHOD, constant("POST"))
					.to("http:site-webhook-{{siteId}}")
					.id("post")
					.bean(WebhookOutbox.class, "delivered")
					.id("delivered")
				.endDoTry()
			.doCatch(Exception.class)
				.bean(WebhookOutbox.class, "failed")
				.id("failed")
				.choice()
					.when(exchangeProperty(WebhookOutbox.DEAD).isEqualTo(true))
						.setProperty(Exchange.FAILURE_ROUTE_ID, simple("${routeId}"))
						.log(LoggingLevel.WARN, "Webhook of site ${exchangeProperty.siteId} gave up on change "
								+ "${exchangeProperty.changeId}: ${exception.message}")
						.to(DEAD_LETTER)
						.id("dead-letter")
					.otherwise()
						.log(LoggingLevel.DEBUG, "Webhook of site ${exchangeProperty.siteId} failed, retried later: "
								+ "${exception.message}")
				.end()
			.end();
	}

	/** The change as the JSON body, with the signature and the idempotency key. */
	private void sign(Exchange exchange) {
		SiteChange change = exchange.getIn().getBody(SiteChange.class);
		String secret = settings.secrets().get(change.siteId());
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException("no webhook secret for site " + change.siteId()
					+ " (branchlink.sync.webhooks.secrets." + change.siteId() + ")");
		}
		String body = SiteChanges.JSON.writeValueAsString(body(change));
		long t = clock.instant().getEpochSecond();
		String signature = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8))
			.hmacHex(t + "." + body);
		exchange.getIn().removeHeaders("*");
		exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
		exchange.getIn().setHeader("Idempotency-Key", change.idempotencyKey());
		exchange.getIn().setHeader("X-BranchLink-Change", change.kind().code());
		exchange.getIn().setHeader("X-BranchLink-Signature", "t=" + t + ",v1=" + signature);
		exchange.getIn().setBody(body.getBytes(StandardCharsets.UTF_8));
	}

	/** A change as a site's system reads it, on its webhook and in its change feed alike. */
	public static Map<String, Object> body(SiteChange change) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", change.id());
		body.put("site", change.siteId());
		body.put("kind", change.kind().code());
		body.put("copy", change.copy());
		body.put("subject", change.subject());
		body.put("at", change.at().toString());
		body.put("data", change.data());
		return body;
	}

}
