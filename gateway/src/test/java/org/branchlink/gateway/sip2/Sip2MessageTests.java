package org.branchlink.gateway.sip2;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import org.branchlink.gateway.sip2.Sip2Codec.Checksum;
import org.branchlink.gateway.sip2.Sip2Codec.Frame;
import org.branchlink.gateway.sip2.Sip2Codec.MalformedMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The SIP2 codec on the example messages of the 3M SIP2 specification (version 2.00). */
class Sip2MessageTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@ParameterizedTest
	@ValueSource(strings = { "9900302.00AY1AZFCA5", "2519980723    094240AOCertification Institute ID|AAPatronID|AY4AZEBF1",
			"1719980723    100000AOCertification Institute ID|ABItemBook|AY1AZEBEB",
			"6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZEA83",
			"09N19980821    085721                  APCertification Terminal Location|AOCertification Institute ID|"
					+ "ABCheckInBook|ACTPWord|BIN|AY2AZD6A5" })
	void theSpecificationsExamplesHaveValidChecksums(String message) throws Exception {
		assertThat(Sip2Codec.parse(message, StandardCharsets.US_ASCII).checksum()).isEqualTo(Checksum.VALID);
	}

	@Test
	void aPatronInformationRequestIsReadIntoItsFixedAndVariableFields() throws Exception {
		Frame frame = Sip2Codec.parse("6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZEA83",
				StandardCharsets.UTF_8);
		assertThat(frame.request()).isEqualTo(Sip2Request.PATRON_INFORMATION);
		assertThat(frame.sequence()).isEqualTo(1);
		Sip2Message message = frame.message();
		assertThat(message.fixed(0, 3)).isEqualTo("001");
		assertThat(Sip2Date.parse(message.fixed(3, 21), SHANGHAI))
			.contains(Instant.parse("1998-07-23T01:19:05Z"));
		assertThat(message.fixed(21, 31)).isEqualTo("Y         ");
		assertThat(message.field("AO")).contains("InstitutionID");
		assertThat(message.field("AA")).contains("PatronID");
		assertThat(message.field("BP")).contains("00001");
		assertThat(message.field("BQ")).contains("00005");
		assertThat(message.field("AD")).isEmpty();
	}

	@Test
	void aCheckinRequestKeepsEmptyFields() throws Exception {
		Frame frame = Sip2Codec.parse("09N19980821    085721                  APCertification Terminal Location|"
				+ "AOCertification Institute ID|ABCheckInBook|ACTPWord|BIN|AY2AZD6A5", StandardCharsets.UTF_8);
		assertThat(frame.request()).isEqualTo(Sip2Request.CHECKIN);
		assertThat(frame.message().fixed(19, 37)).isBlank();
		assertThat(frame.message().field("AB")).contains("CheckInBook");
		assertThat(frame.message().field("BI")).contains("N");
		assertThat(frame.message().fields()).extracting(Sip2Message.Field::id)
			.containsExactly("AP", "AO", "AB", "AC", "BI");
	}

	@Test
	void theCheckinResponseIsWrittenAsTheSpecificationShowsIt() {
		Sip2Message response = Sip2Message.of("10").fixed("1", "Y", "N", "N", "19980821    085721")
			.field("AO", "Certification Institute ID")
			.field("AB", "CheckInBook")
			.field("AQ", "Permanent Location for CheckinBook, Language 1")
			.field("AJ", "Title For CheckinBook")
			.field("AA", "GoodPatron1")
			.field("CK", "001")
			.field("CH", "CheckinBook Properties")
			.field("CL", "sort bin A1")
			.field("AF", "Screen Message for CheckInBook")
			.field("AG", "Print Line for CheckInBook")
			.optional("CT", null)
			.build();
		assertThat(Sip2Codec.format(response, 2, StandardCharsets.UTF_8)).isEqualTo("101YNN19980821    085721"
				+ "AOCertification Institute ID|ABCheckInBook|AQPermanent Location for CheckinBook, Language 1|"
				+ "AJTitle For CheckinBook|AAGoodPatron1|CK001|CHCheckinBook Properties|CLsort bin A1|"
				+ "AFScreen Message for CheckInBook|AGPrint Line for CheckInBook|AY2AZA3FF");
		assertThat(Sip2Codec.format(response, null, StandardCharsets.UTF_8)).endsWith("|AGPrint Line for CheckInBook|");
	}

	@Test
	void aWrongChecksumIsFound() throws Exception {
		assertThat(Sip2Codec.parse("9900302.00AY1AZFCA6", StandardCharsets.UTF_8).checksum()).isEqualTo(Checksum.INVALID);
		assertThat(Sip2Codec.parse("2519980723    094240AOCertification Institute ID|AAPatronXD|AY4AZEBF1",
				StandardCharsets.UTF_8).checksum()).isEqualTo(Checksum.INVALID);
		Frame plain = Sip2Codec.parse("9900302.00", StandardCharsets.UTF_8);
		assertThat(plain.checksum()).isEqualTo(Checksum.ABSENT);
		assertThat(plain.sequence()).isNull();
	}

	@Test
	void anUnknownCodeIsReadButNotRecognised() throws Exception {
		Frame frame = Sip2Codec.parse("2519980723    094240AOCertification Institute ID|AAPatronID|AY4AZEBF1",
				StandardCharsets.UTF_8);
		assertThat(frame.request()).isNull();
		assertThat(frame.message().code()).isEqualTo("25");
	}

	@ParameterizedTest
	@ValueSource(strings = { "9", "XX00CNuser|", "11YN19980723", "2300119980723    091905AOinst|A|AAcard|",
			"2300119980723    091905AOinst|aacard|" })
	void malformedMessagesAreRefused(String message) {
		assertThatExceptionOfType(MalformedMessageException.class)
			.isThrownBy(() -> Sip2Codec.parse(message, StandardCharsets.UTF_8));
	}

	@Test
	void theChecksumIsOverTheKiosksBytesSoGb18030AndUtf8Differ() throws Exception {
		Sip2Message message = Sip2Message.of("24").fixed(" ".repeat(14), "019", "20261204    101500")
			.field("AE", "演示读者").build();
		String gb = Sip2Codec.format(message, 3, KioskAccounts.GB18030);
		String utf8 = Sip2Codec.format(message, 3, StandardCharsets.UTF_8);
		assertThat(gb).isNotEqualTo(utf8);
		String request = Sip2Codec.format(Sip2Message.of("23").fixed("019", "20261204    101500").field("AA", "王芳").build(), 4,
				KioskAccounts.GB18030);
		assertThat(Sip2Codec.parse(request, KioskAccounts.GB18030).checksum()).isEqualTo(Checksum.VALID);
		assertThat(Sip2Codec.parse(request, StandardCharsets.UTF_8).checksum()).isEqualTo(Checksum.INVALID);
	}

	@Test
	void aFieldCannotEndItselfOrTheMessage() {
		Sip2Message message = Sip2Message.of("18").fixed("03", "00", "01", "20261204    101500")
			.field("AJ", "A|B\rC\nD").build();
		assertThat(Sip2Codec.format(message, null, StandardCharsets.UTF_8)).endsWith("AJA B C D|");
	}

	@Test
	void datesAreLocalUnlessTheyNameUtc() {
		assertThat(Sip2Date.parse("20261204    101500", SHANGHAI)).contains(Instant.parse("2026-12-04T02:15:00Z"));
		assertThat(Sip2Date.parse("20261204   Z101500", SHANGHAI)).contains(Instant.parse("2026-12-04T10:15:00Z"));
		assertThat(Sip2Date.parse(Sip2Date.BLANK, SHANGHAI)).isEmpty();
		assertThat(Sip2Date.parse("2026120x    101500", SHANGHAI)).isEmpty();
		assertThat(Sip2Date.format(Instant.parse("2026-12-04T02:15:00Z"), SHANGHAI)).isEqualTo("20261204    101500");
	}

	@Test
	void passwordsAreMaskedInTheLog() {
		assertThat(Sip2Session.forLog("9300CNkiosk|COsecret|CPbaishi|AY1AZ0000"))
			.isEqualTo("9300CNkiosk|CO***|CPbaishi|AY1AZ0000");
		assertThat(Sip2Session.forLog("9300COsecret|CNkiosk|")).isEqualTo("9300CO***|CNkiosk|");
		assertThat(Sip2Session.forLog("2300120261204    101500AObaishi|AAcard|ADpin|")).doesNotContain("pin");
	}

}
