package org.branchlink.gateway.notify;

/** A way of reaching a reader: e-mail, SMS, WeChat. */
interface NoticeChannel {

	/** {@code email}, {@code sms} or {@code wechat}. */
	String code();

	/** Whether the county has set it up (a mail host, an SMS gateway, a WeChat adapter). */
	boolean available();

	/**
	 * Sends a notice; an exception is a failed try (sent again later).
	 *
	 * @param address the e-mail address or mobile number
	 * @param subject a short title
	 * @param text the notice
	 */
	void send(String address, String subject, String text) throws Exception;

}
