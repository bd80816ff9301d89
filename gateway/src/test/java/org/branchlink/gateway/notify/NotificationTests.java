package org.branchlink.gateway.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.demand.DemandTickets;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.live.LiveFixtures;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Notices that reach readers, against an in-process SMTP server (GreenMail) and an SMS gateway played by the test: a
 * hold made ready is told by both channels the reader chose, after the commit, the gateway's failure tried again;
 * reminders are made once; a reader who chose nothing is told nothing; a wrong address is refused.
 */
class NotificationTests extends IntegrationTest {

	@Autowired
	ReaderContacts contacts;

	@Autowired
	ReaderNotices notices;

	@Autowired
	NoticeReminders reminders;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	HoldQueue holds;

	@Autowired
	LendingDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemandTickets tickets;

	private GreenMail mail;

	private HttpServer sms;

	private final List<String> texts = new CopyOnWriteArrayList<>();

	private final AtomicInteger failNext = new AtomicInteger();

	@BeforeEach
	void startTheCountysServers() throws IOException {
		mail = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		sms = HttpServer.create(new InetSocketAddress("127.0.0.1", SMS_PORT), 10);
		sms.createContext("/sms", this::text);
		sms.start();
	}

	@AfterEach
	void stopThem() {
		sms.stop(0);
		mail.stop();
	}

	private void text(HttpExchange call) throws IOException {
		try (call; InputStream in = call.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				call.sendResponseHeaders(503, -1);
				return;
			}
			texts.add(body);
			call.sendResponseHeaders(200, -1);
		}
	}

	/** The first e-mail received for an address, or null. */
	private MimeMessage to(String address) throws Exception {
		for (MimeMessage message : mail.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				return message;
			}
		}
		return null;
	}

	private Reader reader(String name) {
		return readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1990, 5, 6), "adult", "baishi", null,
				false, null, null, null));
	}

	@Test
	void aHoldMadeReadyIsToldByEmailAndTextTheGatewaysFailureTriedAgain() throws Exception {
		Reader reader = reader("通知读者");
		contacts.save(reader.id(), "duzhe@example.cn", "138 0013 8000", Set.of("email", "sms"));
		failNext.set(1);
		ItemRef copy = LiveFixtures.freshCopyOf(jdbc, "baishi");
		HoldQueue.HoldView hold = holds.place(reader, copy.workId(), copy, "baishi");
		holds.inTransit(hold.id());
		holds.ready(hold.id(), "baishi");

		await().atMost(Duration.ofSeconds(30)).until(() -> to("duzhe@example.cn") != null
				&& texts.stream().anyMatch(t -> t.contains("13800138000")));
		MimeMessage email = to("duzhe@example.cn");
		assertThat(email.getSubject()).isEqualTo("预约的图书已到馆");
		assertThat(email.getAllRecipients()[0].toString()).isEqualTo("duzhe@example.cn");
		assertThat(GreenMailUtil.getBody(email)).isNotBlank();
		assertThat(texts.stream().filter(t -> t.contains("13800138000"))).singleElement().satisfies(text -> {
			assertThat(text).contains("\"phone\":\"13800138000\"").contains("预约的图书已到馆");
			assertThat(text).contains("白石");
		});
		assertThat(jdbc.sql("select attempts from notification where reader_id = :r and channel = 'sms'")
			.param("r", reader.id()).query(Integer.class).single()).as("the gateway's 503 was tried again").isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from notification where reader_id = :r and sent_at is not null")
			.param("r", reader.id()).query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void anOverdueLoanIsRemindedOnceAndAReaderWhoChoseNothingIsToldNothing() throws Exception {
		Reader told = reader("逾期读者");
		contacts.save(told.id(), "yuqi@example.cn", null, Set.of("email"));
		Reader silent = reader("不要通知的读者");
		ItemRef first = LiveFixtures.freshCopyOf(jdbc, "baishi");
		desk.checkout("baishi", told.cardNumber(), first.barcode(), "notify-overdue-" + first.barcode(),
				Instant.now().minus(Duration.ofDays(90)));
		ItemRef second = LiveFixtures.freshCopyOf(jdbc, "baishi");
		desk.checkout("baishi", silent.cardNumber(), second.barcode(), "notify-silent-" + second.barcode(),
				Instant.now().minus(Duration.ofDays(90)));

		reminders.remind();
		assertThat(jdbc.sql("select count(*) from notification where reader_id = :r and kind = 'overdue'")
			.param("r", told.id()).query(Integer.class).single()).isEqualTo(1);
		reminders.remind();
		assertThat(jdbc.sql("select count(*) from notification where reader_id = :r and kind = 'overdue'")
			.param("r", told.id()).query(Integer.class).single()).as("once").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification where reader_id = :r").param("r", silent.id())
			.query(Integer.class).single()).isZero();

		await().atMost(Duration.ofSeconds(30)).until(() -> to("yuqi@example.cn") != null);
		assertThat(to("yuqi@example.cn").getSubject()).isEqualTo("借书已逾期");
	}

	@Test
	void aNoticeGivenUpOnIsListedWithoutItsAddressAndSentAgainOnceTheGatewayIsBack() {
		Reader reader = reader("放弃通知读者");
		contacts.save(reader.id(), null, "13800138077", Set.of("sms"));
		failNext.set(1_000);
		assertThat(notices.queue(reader.cardNumber(), Notice.DUE_SOON, "loan:given-up", List.of("放弃之书", "2026-12-31")))
			.isEqualTo(1);
		long id = jdbc.sql("select id from notification where reader_id = :r").param("r", reader.id()).query(Long.class)
			.single();

		// three tries (the test's max-attempts), then given up: listed for the staff with why, never the phone number
		await().atMost(Duration.ofSeconds(30)).until(() -> notices.givenUp(100).stream().anyMatch(n -> n.id() == id));
		ReaderNotices.GivenUp given = notices.givenUp(100).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
		assertThat(given.kind()).isEqualTo(Notice.DUE_SOON);
		assertThat(given.channel()).isEqualTo("sms");
		assertThat(given.attempts()).isEqualTo(3);
		assertThat(given.lastError()).contains("503").doesNotContain("13800138077");
		assertThat(texts).noneMatch(t -> t.contains("13800138077"));

		failNext.set(0);
		assertThat(notices.sendAgain(id)).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> texts.stream().anyMatch(t -> t.contains("13800138077")));
		assertThat(notices.givenUp(100)).noneMatch(n -> n.id() == id);
		assertThat(notices.sendAgain(id)).as("sent: nothing to send again").isFalse();
		assertThat(texts.stream().filter(t -> t.contains("13800138077"))).hasSize(1);
	}

	@Test
	void aMailServerThatIsDownAndComesBackGetsTheNoticeOnce() throws Exception {
		Reader reader = reader("邮件中断读者");
		contacts.save(reader.id(), "zhongduan@example.cn", null, Set.of("email"));
		mail.stop();
		notices.queue(reader.cardNumber(), Notice.OVERDUE, "loan:outage", List.of("中断之书", "2026-12-01"));
		long id = jdbc.sql("select id from notification where reader_id = :r").param("r", reader.id()).query(Long.class)
			.single();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> attempts(id) >= 1);

		// the county's mail server restarts: the next try (a second later) reaches it
		mail = new GreenMail(new ServerSetup(MAIL_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> to("zhongduan@example.cn") != null);
		assertThat(jdbc.sql("select last_error is null and sent_at is not null from notification where id = :id")
			.param("id", id).query(Boolean.class).single()).isTrue();
		assertThat(attempts(id)).isGreaterThanOrEqualTo(2);
		assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals("zhongduan@example.cn");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		})).as("once").hasSize(1);
	}

	private int attempts(long id) {
		return jdbc.sql("select attempts from notification where id = :id").param("id", id).query(Integer.class).single();
	}

	@Test
	void aReaderWhoseNeedIsAnsweredIsToldTheAnswerOnce() throws Exception {
		Reader reader = reader("提需求的读者");
		contacts.save(reader.id(), "xuqiu@example.cn", null, Set.of("email"));
		DemandTickets.Ticket ticket = tickets.register(new DemandTickets.Intake("online", "希望村里放映露天电影", "baishi",
				null, null, null, reader.id()), null);
		tickets.classify(ticket.id(), new DemandTickets.Classification("group", "active", "general", "baishi", "normal",
				"easy", "handle", null), "librarian");

		tickets.answer(ticket.id(), "下周六晚在村文化广场放映，欢迎参加。", true, "librarian");
		tickets.answer(ticket.id(), "下周六晚在村文化广场放映，欢迎参加（已改时间）。", true, "librarian");

		await().atMost(Duration.ofSeconds(30)).until(() -> to("xuqiu@example.cn") != null);
		MimeMessage email = to("xuqiu@example.cn");
		assertThat(email.getSubject()).isEqualTo("您提出的需求有了答复");
		assertThat(email.getContent().toString()).contains(ticket.reference()).contains("村文化广场放映");
		assertThat(jdbc.sql("select count(*) from notification where reader_id = :r and kind = 'ticket-answered'")
			.param("r", reader.id()).query(Integer.class).single()).as("told once, however often the answer is edited")
			.isEqualTo(1);
	}

	@Test
	void aWrongAddressOrAChannelWithoutItsAddressIsRefusedAndNothingChanges() {
		Reader reader = reader("填错的读者");
		contacts.save(reader.id(), "right@example.cn", null, Set.of("email"));
		assertThatThrownBy(() -> contacts.save(reader.id(), "not-an-address", null, Set.of("email")))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("notify-email"));
		assertThatThrownBy(() -> contacts.save(reader.id(), null, "12345", Set.of()))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("notify-phone"));
		assertThatThrownBy(() -> contacts.save(reader.id(), null, null, Set.of("sms")))
			.isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("notify-phone-needed"));
		assertThat(contacts.of(reader.id()).email()).isEqualTo("right@example.cn");
		assertThat(notices.queue(reader.cardNumber(), Notice.DUE_SOON, "loan:none", List.of("书", "2026-12-31")))
			.isEqualTo(1);
	}

}
