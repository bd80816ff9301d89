package org.branchlink.gateway.sip2;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.sip2.KioskClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The protocol around the messages, through the real server socket: login, SC status, the refusals (96), resend (97),
 * terminators, character sets and required checksums, and connections that stall or flood.
 */
class Sip2ProtocolTests extends IntegrationTest {

	@Autowired
	Sip2Server server;

	@Autowired
	KioskAccounts kiosks;

	@Autowired
	ReaderRegistry readers;

	@Test
	void aKioskSignsInWithItsAccountAndIsToldItsSitesStatus() throws Exception {
		try (KioskClient kiosk = new KioskClient(server.port())) {
			Response refused = kiosk.login("kiosk-baishi", "wrong");
			assertThat(refused.code()).isEqualTo("94");
			assertThat(refused.fixed()).isEqualTo("0");
			assertThat(kiosk.login("kiosk-baishi", "demo-kiosk").fixed()).isEqualTo("1");
			Response status = kiosk.scStatus();
			assertThat(status.code()).isEqualTo("98");
			assertThat(status.fixed()).startsWith("YYYY");
			assertThat(status.fixed()).endsWith("2.00");
			assertThat(status.field("AO")).contains("baishi");
			assertThat(status.field("AM").orElseThrow()).startsWith("白石");
			assertThat(status.field("BX")).contains("YYYNYYYYYNYNNYYY");
			assertThat(status.raw()).matches(".*\\|AY[0-9]AZ[0-9A-F]{4}\r");
		}
	}

	@Test
	void threeFailedLoginsCloseTheConnection() throws Exception {
		try (KioskClient kiosk = new KioskClient(server.port())) {
			kiosk.login("kiosk-baishi", "one");
			kiosk.login("nobody", "two");
			assertThat(kiosk.login("kiosk-baishi", "three").fixed()).isEqualTo("0");
			assertThat(kiosk.read()).isEqualTo(-1);
		}
	}

	@Test
	void fiveFailedLoginsLockTheKioskAccountEvenForItsRightPassword() throws Exception {
		kiosks.save("kiosk-guessed", "right-one", "baishi", StandardCharsets.UTF_8, false);
		try (KioskClient first = new KioskClient(server.port()); KioskClient second = new KioskClient(server.port())) {
			for (String guess : new String[] { "a", "b", "c" }) {
				first.login("kiosk-guessed", guess);
			}
			second.login("kiosk-guessed", "d");
			assertThat(second.login("kiosk-guessed", "e").fixed()).isEqualTo("0");
			assertThat(second.login("kiosk-guessed", "right-one").fixed()).as("locked: the password is not checked")
				.isEqualTo("0");
		}
		try (KioskClient other = new KioskClient(server.port())) {
			assertThat(other.login("kiosk-baishi", "demo-kiosk").fixed()).as("another kiosk's account").isEqualTo("1");
		}
	}

	@Test
	void aMessageBeforeLoginClosesTheConnection() throws Exception {
		try (KioskClient kiosk = new KioskClient(server.port())) {
			kiosk.write(KioskClient.withChecksum("9900302.00", 0, StandardCharsets.UTF_8).concat("\r").getBytes());
			assertThat(kiosk.read()).isEqualTo(-1);
		}
	}

	@Test
	void aBadChecksumOrAnUnknownCodeIsAskedAgainAndResendRepeatsTheLastAnswer() throws Exception {
		try (KioskClient kiosk = new KioskClient(server.port())) {
			kiosk.login("kiosk-baishi", "demo-kiosk");
			Response status = kiosk.scStatus();
			assertThat(kiosk.sendRaw("9900302.00AY1AZFCA6").code()).as("wrong checksum").isEqualTo("96");
			assertThat(kiosk.send("2519980723    094240AOinstitution|AApatron|").code()).as("patron enable").isEqualTo("96");
			assertThat(kiosk.sendRaw("17").code()).as("malformed").isEqualTo("96");
			assertThat(kiosk.sendRaw("97").raw()).as("the last answer again").isEqualTo(status.raw());
			assertThat(kiosk.scStatus().code()).as("still connected").isEqualTo("98");
		}
	}

	@Test
	void answersEndAsTheKiosksMessagesDo() throws Exception {
		try (KioskClient cr = new KioskClient(server.port())) {
			assertThat(cr.login("kiosk-baishi", "demo-kiosk").raw()).endsWith("\r").doesNotEndWith("\r\n");
			assertThat(cr.scStatus().raw()).endsWith("\r").doesNotEndWith("\r\n");
		}
		try (KioskClient crlf = new KioskClient(server.port()).crlf()) {
			assertThat(crlf.login("kiosk-baishi", "demo-kiosk").raw()).endsWith("\r\n");
			assertThat(crlf.scStatus().raw()).endsWith("\r\n");
			assertThat(crlf.scStatus().code()).isEqualTo("98");
		}
	}

	@Test
	void aGb18030KioskReadsAndWritesGb18030AndMustSendChecksums() throws Exception {
		kiosks.save("kiosk-gb", "gb-secret", "baishi", KioskAccounts.GB18030, true);
		Reader reader = readers.register(new ReaderRegistry.Registration("欧阳予倩", LocalDate.of(1970, 6, 1), "adult",
				"baishi", null, false, null, null, null));
		try (KioskClient kiosk = new KioskClient(server.port(), KioskAccounts.GB18030)) {
			assertThat(kiosk.login("kiosk-gb", "gb-secret").fixed()).isEqualTo("1");
			Response status = kiosk.patronStatus(reader.cardNumber(), null);
			assertThat(status.field("AE")).contains("欧阳予倩");
			assertThat(status.field("AF").orElseThrow()).contains("欢迎");
			assertThat(status.raw()).matches("(?s).*AY[0-9]AZ[0-9A-F]{4}\r");
			assertThat(kiosk.withoutErrorDetection().scStatus().code()).as("no checksum").isEqualTo("96");
		}
		try (KioskClient utf8 = new KioskClient(server.port()).withoutErrorDetection()) {
			assertThat(utf8.login("kiosk-baishi", "demo-kiosk").fixed()).isEqualTo("1");
			assertThat(utf8.scStatus().code()).as("checksums optional for the demo kiosk").isEqualTo("98");
			assertThat(utf8.scStatus().raw()).doesNotContain("AZ");
		}
	}

	@Test
	void aStalledConnectionIsClosedAfterTheIdleTimeout() throws Exception {
		try (KioskClient silent = new KioskClient(server.port()); KioskClient halfway = new KioskClient(server.port())) {
			silent.login("kiosk-baishi", "demo-kiosk");
			halfway.write("9900302".getBytes(StandardCharsets.US_ASCII));
			long start = System.nanoTime();
			assertThat(silent.read()).isEqualTo(-1);
			assertThat(halfway.read()).isEqualTo(-1);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15));
		}
	}

	@Test
	void aFloodingConnectionIsClosed() throws Exception {
		try (KioskClient kiosk = new KioskClient(server.port())) {
			kiosk.login("kiosk-baishi", "demo-kiosk");
			kiosk.write(("17" + "X".repeat(5000)).getBytes(StandardCharsets.US_ASCII));
			assertThat(kiosk.read()).isEqualTo(-1);
		}
		try (KioskClient kiosk = new KioskClient(server.port())) {
			kiosk.login("kiosk-baishi", "demo-kiosk");
			kiosk.write("9900302.00\r".repeat(400).getBytes(StandardCharsets.US_ASCII));
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				int b;
				do {
					b = kiosk.read();
				}
				while (b >= 0);
				return true;
			});
		}
	}

}
