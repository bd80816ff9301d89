package org.branchlink.sync.outbound;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Up to the culture clouds: posts a report to a reporting target's HTTP endpoint through the {@code report-submit}
 * route (camel-http; a call that fails to connect, times out or answers 5xx is tried twice more, after 2 and 4 s) and
 * says what the target answered. The caller keeps the submission log.
 */
@Component
public class ReportPosts extends RouteBuilder {

	static final String ENDPOINT = "direct:report-submit";

	private final ProducerTemplate producer;

	/** The wait before the first retry ({@code branchlink.reporting.retry-delay}, 2 s); the second waits twice as long. */
	private final Duration retryDelay;

	public ReportPosts(ProducerTemplate producer, @Value("${branchlink.reporting.retry-delay:2s}") Duration retryDelay) {
		this.producer = producer;
		this.retryDelay = retryDelay;
	}

	/**
	 * What a target answered.
	 *
	 * @param accepted whether it took the report (2xx)
	 * @param status the HTTP status, 0 when no answer came
	 * @param reason what it said (its answer's first 500 characters), or why no answer came
	 */
	public record Answer(boolean accepted, int status, String reason) {
	}

	@Override
	public void configure() {
		from(ENDPOINT).routeId("report-submit")
			.onException(Exception.class)
				.onWhen(exchange -> !(exchange.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof HttpOperationFailedException failed)
						|| failed.getStatusCode() >= 500)
				.maximumRedeliveries(2)
				.redeliveryDelay(retryDelay.toMillis())
				.useExponentialBackOff()
				.backOffMultiplier(2)
				.handled(false)
			.end()
			.setHeader(Exchange.HTTP_METHOD, constant("POST"))
			.to("http:report-target")
			.id("post-report")
			.convertBodyTo(String.class)
			.id("answer");
	}

	/**
	 * Posts a report.
	 *
	 * @param url the target's http(s) address
	 * @param contentType the report's type
	 * @param headers more headers (authorization, the idempotency key)
	 * @param body the report
	 */
	public Answer post(String url, String contentType, Map<String, String> headers, byte[] body) {
		try {
			Object answer = producer.requestBodyAndHeaders(ENDPOINT, body, withUrl(url, contentType, headers));
			return new Answer(true, 200, cut(answer == null ? "" : answer.toString()));
		}
		catch (CamelExecutionException ex) {
			if (ex.getCause() instanceof HttpOperationFailedException failed) {
				return new Answer(false, failed.getStatusCode(), cut(failed.getResponseBody() == null
						? failed.getStatusText() : failed.getResponseBody()));
			}
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return new Answer(false, 0, cut(root.getClass().getSimpleName() + ": " + root.getMessage()));
		}
	}

	private static Map<String, Object> withUrl(String url, String contentType, Map<String, String> headers) {
		Map<String, Object> all = new HashMap<>(headers);
		all.put(Exchange.HTTP_URI, url);
		all.put(Exchange.CONTENT_TYPE, contentType);
		return all;
	}

	private static String cut(String text) {
		String plain = text.strip();
		return plain.length() > 500 ? plain.substring(0, 500) : plain;
	}

}
