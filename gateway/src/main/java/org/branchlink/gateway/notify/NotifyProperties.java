package org.branchlink.gateway.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices reach readers ({@code branchlink.notify}). E-mail goes through Spring Mail ({@code spring.mail.host} and
 * friends; without a host there is no e-mail channel); SMS through the county's HTTP gateway; WeChat through the
 * county's adapter bean ({@link WechatTemplateMessages}).
 *
 * @param from the sender of e-mails
 * @param smsUrl the SMS gateway's address (none: no SMS channel)
 * @param smsBody the JSON body posted to it, with {@code {phone}} and {@code {text}} put in (JSON-escaped)
 * @param smsToken a bearer token for the gateway, or none
 * @param period how often pending notices are sent (default 5 s)
 * @param firstRetry the wait after a first failed send; doubling up to {@code maxRetry}
 * @param maxRetry the longest wait between tries (default 1 h)
 * @param maxAttempts tries before a notice is given up on (default 12)
 * @param dueSoonDays how many days before the due date a loan's reminder goes (default 2)
 * @param reminderCron when due-date, overdue and event reminders are made (default 09:00 every day, the county's zone)
 */
@ConfigurationProperties("branchlink.notify")
public record NotifyProperties(@DefaultValue("noreply@branchlink.invalid") String from, String smsUrl,
		@DefaultValue("{\"phone\":\"{phone}\",\"text\":\"{text}\"}") String smsBody, String smsToken,
		@DefaultValue("5s") Duration period, @DefaultValue("30s") Duration firstRetry,
		@DefaultValue("1h") Duration maxRetry, @DefaultValue("12") int maxAttempts, @DefaultValue("2") int dueSoonDays,
		@DefaultValue("0 0 9 * * ?") String reminderCron) {

	/** Without the token, which logs must never show. */
	@Override
	public String toString() {
		return "NotifyProperties[from=" + from + ", sms=" + (smsUrl == null ? "none" : smsUrl) + "]";
	}

}
