package org.branchlink.gateway.sip2;

import java.util.Arrays;
import java.util.Optional;

/**
 * The messages a kiosk (the SC) sends that this server answers, with the length of each one's fixed part (the
 * characters after the two-digit code and before the first variable field), as the 3M SIP2 specification gives them.
 */
enum Sip2Request {

	/** 93: UID algorithm, PWD algorithm; CN user, CO password, CP location */
	LOGIN("93", "94", 2),
	/** 99: status code, max print width, protocol version */
	SC_STATUS("99", "98", 8),
	/** 23: language, transaction date; AO, AA patron, AC, AD patron password */
	PATRON_STATUS("23", "24", 21),
	/** 63: language, transaction date, summary; AO, AA, AC, AD, BP start item, BQ end item */
	PATRON_INFORMATION("63", "64", 31),
	/** 17: transaction date; AO, AB item, AC */
	ITEM_INFORMATION("17", "18", 18),
	/** 11: SC renewal policy, no block, transaction date, nb due date; AO, AA, AB, AC, CH, AD, BO, BI */
	CHECKOUT("11", "12", 38),
	/** 09: no block, transaction date, return date; AP current location, AO, AB, AC, CH, BI */
	CHECKIN("09", "10", 37),
	/** 29: third party allowed, no block, transaction date, nb due date; AO, AA, AD, AB, AJ, AC, CH, BO */
	RENEW("29", "30", 38),
	/** 65: transaction date; AO, AA, AD, AC, BO */
	RENEW_ALL("65", "66", 18),
	/** 15: hold mode (+ - *), transaction date; BW, BS pickup location, BY hold type, AO, AA, AD, AB, AJ, AC, BO */
	HOLD("15", "16", 19),
	/** 35: transaction date; AO, AA, AC, AD */
	END_SESSION("35", "36", 18),
	/** 97: the SC asks for the last answer again */
	RESEND("97", "96", 0);

	private final String code;

	private final String answer;

	private final int fixedLength;

	Sip2Request(String code, String answer, int fixedLength) {
		this.code = code;
		this.answer = answer;
		this.fixedLength = fixedLength;
	}

	String code() {
		return code;
	}

	/** The code of the response message. */
	String answer() {
		return answer;
	}

	int fixedLength() {
		return fixedLength;
	}

	static Optional<Sip2Request> of(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

}
