package org.branchlink.gateway.sip2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.branchlink.gateway.sip2.Sip2Codec.Checksum;
import org.branchlink.gateway.sip2.Sip2Codec.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol state of one kiosk connection: sign-in (93), the character set and checksum rule of the kiosk's account,
 * the last answer (sent again on 97), and the refusals. A message that is malformed, has a wrong checksum, lacks the
 * checksum its account requires, or has a code this server does not answer is refused with 96 (request SC resend) and
 * logged; a message other than login before a successful login closes the connection, as do three failed logins.
 * Not thread-safe: one connection, one thread.
 */
final class Sip2Session {

	private static final Logger log = LoggerFactory.getLogger(Sip2Session.class);

	/** The protocol's refusal: the SC is asked to send its message again. */
	static final String RESEND = "96";

	private static final int MAX_FAILED_LOGINS = 3;

	private static final Pattern PASSWORDS = Pattern.compile("(?<=\\||^93.{2})(CO|AD)[^|]*");

	private final String remote;

	/** The kiosk's address, as the sign-in throttle counts it. */
	private final String client;

	private final SelfCheck selfCheck;

	private Kiosk kiosk;

	private String lastAnswer;

	private int failedLogins;

	Sip2Session(String remote, String client, SelfCheck selfCheck) {
		this.remote = remote;
		this.client = client;
		this.selfCheck = selfCheck;
	}

	/**
	 * What to send back, and whether to close the connection after it.
	 *
	 * @param text the answer, without terminator; null: nothing
	 * @param close close the connection after sending it
	 */
	record Reply(String text, boolean close) {
	}

	/** The character set the kiosk's messages are read and written in: UTF-8 until it signs in, then its account's. */
	Charset charset() {
		return kiosk == null ? StandardCharsets.UTF_8 : kiosk.account().charset();
	}

	String who() {
		return (kiosk == null ? "unsigned kiosk" : "kiosk " + kiosk.account().username()) + " at " + remote;
	}

	/** Answers one message (without its terminator). */
	Reply handle(String line) {
		Frame frame;
		try {
			frame = Sip2Codec.parse(line, charset());
		}
		catch (Sip2Codec.MalformedMessageException ex) {
			return refuse("malformed message (" + ex.getMessage() + ")", line);
		}
		if (frame.checksum() == Checksum.INVALID) {
			return refuse("wrong checksum", line);
		}
		if (frame.request() == null) {
			return refuse("unknown message code " + frame.message().code(), line);
		}
		if (frame.request() == Sip2Request.RESEND) {
			return new Reply(lastAnswer == null ? RESEND : lastAnswer, false);
		}
		if (kiosk != null && kiosk.account().checksumsRequired() && frame.checksum() == Checksum.ABSENT) {
			return refuse("no checksum, which this kiosk's account requires", line);
		}
		if (frame.request() == Sip2Request.LOGIN) {
			return login(frame);
		}
		if (kiosk == null) {
			log.warn("SIP2 {}: message {} before login; connection closed", who(), frame.message().code());
			return new Reply(null, true);
		}
		try {
			return answer(frame, selfCheck.answer(kiosk, frame.request(), frame.message()), false);
		}
		catch (RuntimeException ex) {
			// nothing was answered: the kiosk sends the same message again, which is a duplicate if it was applied
			log.error("SIP2 {}: message {} failed; asked to resend", who(), frame.message().code(), ex);
			return new Reply(RESEND, false);
		}
	}

	private Reply login(Frame frame) {
		String user = frame.message().text("CN").orElse("");
		var account = selfCheck.accounts().signIn(user, frame.message().field("CO").orElse(""), client);
		if (account.isPresent()) {
			kiosk = selfCheck.kiosk(account.get());
			failedLogins = 0;
			log.info("SIP2 {} signed in for site {}", who(), kiosk.siteId());
			return answer(frame, Sip2Message.of("94").fixed("1").build(), false);
		}
		failedLogins++;
		log.warn("SIP2 login of '{}' from {} refused ({} of {})", user, remote, failedLogins, MAX_FAILED_LOGINS);
		return answer(frame, Sip2Message.of("94").fixed("0").build(), failedLogins >= MAX_FAILED_LOGINS);
	}

	/** The answer with the request's sequence number and a checksum when the request had them (or the account wants). */
	private Reply answer(Frame frame, Sip2Message message, boolean close) {
		boolean detect = frame.checksum() != Checksum.ABSENT || kiosk != null && kiosk.account().checksumsRequired();
		Integer sequence = frame.sequence() != null ? frame.sequence() : detect ? Integer.valueOf(0) : null;
		lastAnswer = Sip2Codec.format(message, sequence, charset());
		return new Reply(lastAnswer, close);
	}

	private Reply refuse(String why, String line) {
		log.warn("SIP2 {}: {}; asked to resend: {}", who(), why, forLog(line));
		return new Reply(RESEND, false);
	}

	/** A message as the log shows it: passwords (CO, AD) masked, at most 200 characters. */
	static String forLog(String line) {
		String masked = PASSWORDS.matcher(line).replaceAll("$1***");
		return masked.length() > 200 ? masked.substring(0, 200) + "…" : masked;
	}

}
