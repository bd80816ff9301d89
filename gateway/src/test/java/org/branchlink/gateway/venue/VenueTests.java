package org.branchlink.gateway.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.notify.ReaderContacts;
import org.branchlink.gateway.platform.CodedRefusal;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.platform.InvalidRequestException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.security.AccountStore;
import org.branchlink.gateway.security.Role;
import org.branchlink.gateway.site.NotFoundException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Venues and troupes (issue 20, point 2): a reader books a venue for themselves (discounted) or for their registered
 * troupe (free); overlapping, past, too long, too far ahead, outside the hours or over capacity is refused and nothing
 * is stored; the site approves or declines with a reason; the door checks in; the sweep marks those not shown, and a
 * reader with too many may not book for a while; the use rate counts hours checked in against hours open; troupes are
 * registered with members and guidance; the public sees no names of people.
 */
class VenueTests extends IntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	Venues venues;

	@Autowired
	VenueBookings bookings;

	@Autowired
	VenueCalendar calendar;

	@Autowired
	VenueFigures venueFigures;

	@Autowired
	Troupes troupes;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	AccountStore accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	ReaderContacts contacts;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Central staff act for the whole county: the desk shows them its queue of bookings to approve and its figures, and
	 * the coming week and the venues of the one site they choose; what they do there brings them back to that site.
	 */
	@Test
	void centralStaffChooseTheSiteWhoseWeekAndVenuesTheDeskShows() throws Exception {
		Venue venue = venue(false, 40);
		var admin = user(accounts.loadUserByUsername("admin"));
		mvc.perform(get("/venues/manage").with(admin))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"site-picker\""),
					Matchers.containsString("choose-site"), Matchers.containsString("id=\"awaiting-heading\""),
					Matchers.not(Matchers.containsString("id=\"managed-" + venue.id() + "\"")))));
		mvc.perform(get("/venues/manage").param("site", "baishi").with(admin))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"managed-" + venue.id() + "\""),
					Matchers.not(Matchers.containsString("choose-site")))));
		mvc.perform(post("/venues/manage/venues/" + venue.id() + "/active").param("active", "false").with(admin).with(csrf()))
			.andExpect(redirectedUrl("/venues/manage?site=baishi"));
		// a librarian of one site sees it without choosing
		mvc.perform(get("/venues/manage").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"managed-" + venue.id() + "\""),
					Matchers.not(Matchers.containsString("choose-site")))));
	}

	private Venue venue(boolean approval, int fee) {
		return venues.save(null, new Venues.VenueRequest("baishi", "测试活动室" + SEQUENCE.incrementAndGet(), "room", 30,
				"音响", true, approval, fee, LocalTime.of(8, 0), LocalTime.of(20, 0)));
	}

	private Reader reader(String name) {
		return readers.register(new ReaderRegistry.Registration(name, LocalDate.of(1975, 3, 4), "adult", "baishi", null, false,
				null, null, account(name)));
	}

	/** A reader's sign-in account, by a name of its own. */
	private String account(String name) {
		String username = "venue-reader-" + SEQUENCE.incrementAndGet();
		accounts.save(username, "venue-password-1", name, Set.of(Role.READER), Set.of());
		return username;
	}

	private VenueBookings.BookingRequest at(Venue venue, LocalDate day, int from, int until, Long troupe) {
		return new VenueBookings.BookingRequest(venue.id(), day, LocalTime.of(from, 0), LocalTime.of(until, 0), "广场舞排练", 20, false,
				troupe);
	}

	private static String code(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			return ((CodedRefusal) ex).code();
		}
		return "accepted";
	}

	@Test
	void aReaderBooksForThemselvesDiscountedAndForTheirTroupeFreeAndOverlapsAreRefused() {
		Venue venue = venue(false, 40);
		Reader contact = reader("团队联系人");
		Reader other = reader("另一位读者");
		AmateurTroupe troupe = troupes.register(new Troupes.Registration("baishi", "troupe", "白石测试舞蹈队" + SEQUENCE.incrementAndGet(),
				"广场舞", "队长甲", contact.cardNumber()));
		LocalDate day = bookings.today().plusDays(3);

		VenueBooking own = bookings.book(contact.id(), at(venue, day, 10, 12, null));
		assertThat(own.status()).isEqualTo(VenueBooking.Status.CONFIRMED);
		assertThat(own.rate()).isEqualTo(VenueBooking.Rate.DISCOUNTED);
		assertThat(own.fee()).as("2 h at 40 less half").isEqualTo(40);

		assertThat(code(() -> bookings.book(contact.id(), at(venue, day, 11, 13, troupe.id())))).isEqualTo("booking-taken");
		VenueBooking forTroupe = bookings.book(contact.id(), at(venue, day, 12, 14, troupe.id()));
		assertThat(forTroupe.rate()).isEqualTo(VenueBooking.Rate.FREE);
		assertThat(forTroupe.fee()).isZero();
		assertThat(code(() -> bookings.book(other.id(), at(venue, day, 14, 16, troupe.id())))).as("not its contact")
			.isEqualTo("booking-troupe");
		VenueBooking benefit = bookings.book(other.id(), new VenueBookings.BookingRequest(venue.id(), day, LocalTime.of(16, 0),
				LocalTime.of(18, 0), "公益书法课", 25, true, null));
		assertThat(benefit.rate()).isEqualTo(VenueBooking.Rate.FREE);
		assertThat(benefit.status()).as("the fee waived on the booker's word: the site approves").isEqualTo(VenueBooking.Status.REQUESTED);

		assertThat(code(() -> bookings.book(other.id(), at(venue, day, 18, 21, null)))).isEqualTo("booking-outside-hours");
		assertThat(code(() -> bookings.book(other.id(), new VenueBookings.BookingRequest(venue.id(), day, LocalTime.of(8, 0),
				LocalTime.of(9, 0), "大合唱", 31, false, null)))).isEqualTo("booking-attendees");
		assertThat(code(() -> bookings.book(other.id(), at(venue, bookings.today().minusDays(1), 10, 12, null)))).isEqualTo("booking-past");
		assertThat(code(() -> bookings.book(other.id(), at(venue, bookings.today().plusDays(61), 10, 12, null)))).isEqualTo("booking-horizon");
		assertThat(code(() -> bookings.book(other.id(), at(venue, day.plusDays(1), 8, 17, null)))).isEqualTo("booking-too-long");
		assertThat(code(() -> bookings.book(other.id(), at(venue, day.plusDays(1), 12, 10, null)))).isEqualTo("booking-hours");

		assertThat(calendar.taken(venue.id(), day, 1)).extracting(VenueCalendar.Taken::from, VenueCalendar.Taken::troupeName)
			.containsExactly(tuple(LocalTime.of(10, 0), null),
					tuple(LocalTime.of(12, 0), troupe.name()),
					tuple(LocalTime.of(16, 0), null));

		// withdrawn, its time is free again; another reader may not withdraw it (it is not theirs to see)
		assertThatThrownBy(() -> bookings.cancelOwn(own.id(), other.id())).isInstanceOf(NotFoundException.class);
		assertThat(bookings.cancelOwn(own.id(), contact.id()).status()).isEqualTo(VenueBooking.Status.CANCELLED);
		assertThat(bookings.book(other.id(), at(venue, day, 10, 12, null)).status()).isEqualTo(VenueBooking.Status.CONFIRMED);

		// a withdrawn venue takes no bookings
		venues.setActive(venue.id(), false);
		assertThat(code(() -> bookings.book(other.id(), at(venue, day.plusDays(2), 10, 12, null)))).isEqualTo("venue-withdrawn");
	}

	@Test
	void staffBookForATroupeThatCallsAsItsContactWouldAndTheAuditLogSaysWho() throws Exception {
		Venue venue = venue(false, 40);
		Reader contact = reader("电话预订联系人");
		AmateurTroupe troupe = troupes.register(new Troupes.Registration("baishi", "troupe", "白石电话预订队" + SEQUENCE.incrementAndGet(),
				"腰鼓", "队长戊", contact.cardNumber()));
		LocalDate day = bookings.today().plusDays(4);
		mvc.perform(get("/venues/manage").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"book-for-form\""),
					Matchers.containsString(troupe.name()))));

		mvc.perform(post("/venues/manage/bookings").with(user(accounts.loadUserByUsername("librarian"))).with(csrf())
				.param("troupeId", String.valueOf(troupe.id())).param("venueId", String.valueOf(venue.id()))
				.param("day", day.toString()).param("from", "09:00").param("until", "11:00").param("purpose", "腰鼓排练")
				.param("attendees", "18"))
			.andExpect(flash().attribute("notice", Matchers.startsWith("已为团队预订")));
		VenueCalendar.Taken taken = calendar.taken(venue.id(), day, 1).get(0);
		assertThat(taken.troupeName()).isEqualTo(troupe.name());
		assertThat(calendar.ofReader(contact.id())).singleElement().satisfies(booking -> {
			assertThat(booking.rate()).isEqualTo("free");
			assertThat(booking.fee()).isZero();
		});
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'VENUE_BOOKED_FOR' and principal = 'librarian'")
			.query(Long.class).single()).isPositive();

		// the same rules as the contact's own: the time is taken now
		mvc.perform(post("/venues/manage/bookings").with(user(accounts.loadUserByUsername("librarian"))).with(csrf())
				.param("troupeId", String.valueOf(troupe.id())).param("venueId", String.valueOf(venue.id()))
				.param("day", day.toString()).param("from", "10:00").param("until", "12:00").param("purpose", "腰鼓排练")
				.param("attendees", "18"))
			.andExpect(flash().attribute("refused", Matchers.containsString("已被预约")));

		// a troupe of another township: not this librarian's to book for
		AmateurTroupe elsewhere = troupes.register(new Troupes.Registration("longhu", "troupe", "龙湖电话预订队" + SEQUENCE.incrementAndGet(),
				"腰鼓", "队长己", contact.cardNumber()));
		mvc.perform(post("/venues/manage/bookings").with(user(accounts.loadUserByUsername("librarian"))).with(csrf())
				.param("troupeId", String.valueOf(elsewhere.id())).param("venueId", String.valueOf(venue.id()))
				.param("day", day.toString()).param("from", "14:00").param("until", "15:00").param("purpose", "腰鼓排练")
				.param("attendees", "18"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theSiteApprovesOrDeclinesTheDoorChecksInAndThoseNotShownStopAReaderForAWhile() throws Exception {
		Venue venue = venue(true, 0);
		Reader booker = reader("审核读者");
		contacts.save(booker.id(), "booker@example.org", null, Set.of("email"));
		LocalDate day = bookings.today().plusDays(4);
		VenueBooking requested = bookings.book(booker.id(), at(venue, day, 9, 11, null));
		assertThat(requested.status()).isEqualTo(VenueBooking.Status.REQUESTED);

		// declining needs a reason; a librarian of another township may not decide
		mvc.perform(post("/venues/manage/bookings/" + requested.id() + "/decision").param("approve", "false")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("refused", "请写明理由。"));
		String elsewhere = "venue-librarian-" + SEQUENCE.incrementAndGet();
		accounts.save(elsewhere, "venue-password-1", "别处馆员", Set.of(Role.LIBRARIAN), Set.of("culture-hall"));
		mvc.perform(post("/venues/manage/bookings/" + requested.id() + "/decision").param("approve", "true")
				.with(user(accounts.loadUserByUsername(elsewhere))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/venues/manage/bookings/" + requested.id() + "/decision").param("approve", "false")
				.param("reason", "当天有县级演出")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已回复不予通过。"));
		assertThat(bookings.booking(requested.id()).status()).isEqualTo(VenueBooking.Status.DECLINED);
		assertThat(bookings.booking(requested.id()).reason()).isEqualTo("当天有县级演出");
		assertThat(jdbc.sql("select payload::text from notification where reader_id = :reader and kind = 'venue-booking-declined'")
			.param("reader", booker.id()).query(String.class).list()).as("the booker is told why")
			.singleElement().asString().contains("当天有县级演出");
		assertThatThrownBy(() -> bookings.decide(requested.id(), true, "", "admin")).isInstanceOf(ConflictException.class);

		// the door: a booking starting in ten minutes is checked in; one that began an hour ago and nobody came is not shown
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Reader absent = reader("缺席读者");
		bookings.importBookings(List.of(
				imported(venue, booker, now.plus(Duration.ofMinutes(10)), VenueBooking.Status.CONFIRMED),
				imported(venue, absent, now.minus(Duration.ofHours(1)), VenueBooking.Status.CONFIRMED),
				imported(venue, absent, now.minus(Duration.ofDays(10)), VenueBooking.Status.NO_SHOW),
				imported(venue, absent, now.minus(Duration.ofDays(20)), VenueBooking.Status.NO_SHOW)), "test");
		VenueCalendar.Booking soon = calendar.ofReader(booker.id()).stream().filter(b -> b.status().equals("confirmed")).findFirst()
			.orElseThrow();
		assertThat(soon.checkInOpen()).as("ten minutes before its start the door may check it in").isTrue();
		assertThat(calendar.ofReader(booker.id())).filteredOn(b -> b.id() != soon.id()).noneMatch(VenueCalendar.Booking::checkInOpen);
		mvc.perform(post("/venues/manage/bookings/" + soon.id() + "/check-in")
				.with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "已签到。"));
		assertThat(bookings.booking(soon.id()).status()).isEqualTo(VenueBooking.Status.CHECKED_IN);
		assertThat(bookings.booking(soon.id()).checkedInAt()).isNotNull();

		// a late booker, marked not shown, is still checked in before the end; a request undecided at its start lapses
		Reader late = reader("迟到读者");
		bookings.importBookings(List.of(new VenueBookings.Imported(venue.id(), late.id(), null, "合唱排练", false, 10,
				now.minus(Duration.ofMinutes(45)), now.plus(Duration.ofMinutes(75)), VenueBooking.Rate.FREE, 0,
				VenueBooking.Status.CONFIRMED, null), imported(venue, booker, now.minus(Duration.ofMinutes(10)),
						VenueBooking.Status.REQUESTED)), "test");
		assertThat(bookings.sweepNoShows()).isGreaterThanOrEqualTo(3);
		assertThat(calendar.ofReader(absent.id())).extracting(VenueCalendar.Booking::status).containsOnly("no_show");
		long lateId = calendar.ofReader(late.id()).get(0).id();
		assertThat(bookings.booking(lateId).status()).isEqualTo(VenueBooking.Status.NO_SHOW);
		assertThat(bookings.checkIn(lateId, "librarian").status()).isEqualTo(VenueBooking.Status.CHECKED_IN);
		VenueCalendar.Booking lapsed = calendar.ofReader(booker.id()).stream().filter(b -> b.status().equals("lapsed")).findFirst()
			.orElseThrow();
		assertThat(code(() -> bookings.decide(lapsed.id(), true, "", "admin"))).isEqualTo("booking-state");
		assertThat(jdbc.sql("select count(*) from notification where reader_id = :reader and kind = 'venue-booking-lapsed'")
			.param("reader", booker.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(code(() -> venueFigures.of(bookings.today(), bookings.today().minusDays(1)))).isEqualTo("figures-period");
		assertThat(code(() -> bookings.book(absent.id(), at(venue, day.plusDays(1), 9, 11, null)))).isEqualTo("booking-suspended");

		List<VenueFigures.Figures> figures = venueFigures.of(bookings.today().minusDays(30), bookings.today().plusDays(1));
		VenueFigures.Figures baishi = figures.stream().filter(f -> "baishi".equals(f.siteId())).findFirst().orElseThrow();
		assertThat(baishi.checkedIn()).isGreaterThanOrEqualTo(1);
		assertThat(baishi.noShows()).isGreaterThanOrEqualTo(3);
		assertThat(baishi.useRate()).isNotNull().isGreaterThan(0.0);
		assertThat(figures.get(0).siteId()).as("the county first").isNull();
		assertThat(figures.get(0).openHours()).isGreaterThanOrEqualTo(baishi.openHours());
	}

	private static VenueBookings.Imported imported(Venue venue, Reader reader, Instant starts, VenueBooking.Status status) {
		return new VenueBookings.Imported(venue.id(), reader.id(), null, "合唱排练", false, 10, starts, starts.plus(Duration.ofHours(1)),
				VenueBooking.Rate.FREE, 0, status, null);
	}

	@Test
	void troupesAreRegisteredWithMembersAndGuidanceAndThePublicSeesNoNames() throws Exception {
		Reader contact = reader("剧社联系人");
		String name = "白石测试越剧社" + SEQUENCE.incrementAndGet();
		AmateurTroupe troupe = troupes.register(new Troupes.Registration("baishi", "troupe", name, "越剧", "社长乙",
				contact.cardNumber()));
		assertThat(code(() -> troupes.register(new Troupes.Registration("baishi", "troupe", name, "越剧", "社长丙", null))))
			.isEqualTo("troupe-name");
		assertThat(code(() -> troupes.register(new Troupes.Registration("baishi", "troupe", name + "二", "越剧", "", null))))
			.isEqualTo("troupe-incomplete");
		assertThat(code(() -> troupes.register(new Troupes.Registration("baishi", "troupe", name + "三", "越剧", "社长丁",
				"NO-SUCH-CARD")))).isEqualTo("troupe-contact");
		troupes.addMember(troupe.id(), "成员甲", "小生");
		troupes.addMember(troupe.id(), "成员乙", "");
		assertThat(code(() -> troupes.guide(troupe.id(), troupes.today().plusDays(1), "俞老师", "唱腔", "admin")))
			.isEqualTo("troupe-guidance-future");
		troupes.guide(troupe.id(), troupes.today(), "县文化馆 俞老师", "唱腔与身段", "librarian");
		assertThat(troupes.troupe(troupe.id()).members()).isEqualTo(2);
		assertThat(troupes.figures(Optional.of(List.of("baishi")), troupes.today(), troupes.today()).guidance())
			.isGreaterThanOrEqualTo(1);
		assertThat(troupes.bookingFor(contact.cardNumber())).extracting(AmateurTroupe::id).containsExactly(troupe.id());

		// the public list and the API: the troupe, no leader, no contact, no members by name
		mvc.perform(get("/api/troupes")).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == '" + name + "')].members").value(2))
			.andExpect(content().string(Matchers.not(Matchers.anyOf(Matchers.containsString("社长乙"),
					Matchers.containsString(contact.cardNumber()), Matchers.containsString("成员甲")))));
		mvc.perform(get("/venues")).andExpect(status().isOk())
			.andExpect(content().string(Matchers.allOf(Matchers.containsString(name), Matchers.not(Matchers.containsString("社长乙")))));
		// staff of another township may not register troupes for baishi, nor see one
		String elsewhere = "troupe-librarian-" + SEQUENCE.incrementAndGet();
		accounts.save(elsewhere, "venue-password-1", "别处馆员", Set.of(Role.LIBRARIAN), Set.of("culture-hall"));
		mvc.perform(post("/api/troupes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"siteId\":\"baishi\",\"kind\":\"team\",\"name\":\"越界读书会\",\"genre\":\"阅读\",\"leader\":\"某\"}")
				.with(user(accounts.loadUserByUsername(elsewhere))).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/troupes/" + troupe.id()).with(user(accounts.loadUserByUsername(elsewhere))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/troupes/" + troupe.id()).with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.members.length()").value(2));
		troupes.setActive(troupe.id(), false);
		assertThat(troupes.bookingFor(contact.cardNumber())).isEmpty();
	}

	@Test
	void theApiBooksForTheSignedInReaderAndRefusesAnonymousCalls() throws Exception {
		Venue venue = venue(false, 0);
		String account = account("接口读者");
		readers.register(new ReaderRegistry.Registration("接口读者", LocalDate.of(1990, 5, 6), "adult", "baishi", null, false,
				null, null, account));
		String body = "{\"day\":\"" + bookings.today().plusDays(5) + "\",\"from\":\"09:00\",\"until\":\"10:30\","
				+ "\"purpose\":\"读书会\",\"attendees\":12}";
		mvc.perform(post("/api/venues/" + venue.id() + "/bookings").contentType(MediaType.APPLICATION_JSON).content(body).with(csrf()))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/venues/" + venue.id() + "/bookings").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(user(accounts.loadUserByUsername(account))).with(csrf()))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
		mvc.perform(post("/api/venues/" + venue.id() + "/bookings").contentType(MediaType.APPLICATION_JSON).content(body)
				.with(user(accounts.loadUserByUsername(account))).with(csrf()))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/me/venue-bookings").with(user(accounts.loadUserByUsername(account))))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0].venueName").value(venue.name()));
		mvc.perform(get("/api/venues")).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + venue.id() + ")].capacity").value(30));
		mvc.perform(get("/api/venues/" + venue.id() + "/taken").param("from", bookings.today().plusDays(5).toString()))
			.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
			.andExpect(content().string(Matchers.not(Matchers.containsString("接口读者"))));
		mvc.perform(get("/api/venues/figures").param("from", bookings.today().toString()).param("to", bookings.today().toString())
				.with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(status().isForbidden());
		// the desk changes a venue (its site stays); staff see that readers book, not them
		mvc.perform(post("/venues/manage/venues").param("id", String.valueOf(venue.id())).param("siteId", "baishi")
				.param("name", venue.name()).param("kind", "hall").param("capacity", "45").param("opensAt", "09:00")
				.param("closesAt", "18:00").param("feePerHour", "0").with(user(accounts.loadUserByUsername("librarian"))).with(csrf()))
			.andExpect(flash().attribute("notice", "场地已保存。"));
		assertThat(venues.venue(venue.id())).extracting(Venue::capacity, Venue::kind).containsExactly(45, Venue.Kind.HALL);
		mvc.perform(get("/venues").with(user(accounts.loadUserByUsername("librarian"))))
			.andExpect(content().string(Matchers.allOf(Matchers.containsString("id=\"readers-only\""),
					Matchers.not(Matchers.containsString("venue-booking\"")))));
		assertThatThrownBy(() -> venues.save(null, new Venues.VenueRequest("baishi", venue.name(), "room", 30, "", false, false, 0,
				LocalTime.of(8, 0), LocalTime.of(20, 0)))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> venues.save(null, new Venues.VenueRequest("baishi", "反向时间", "room", 30, "", false, false, 0,
				LocalTime.of(20, 0), LocalTime.of(8, 0)))).isInstanceOf(InvalidRequestException.class);

		// the figures' derived rates are in the API's answer (the county's row first: a year of demo bookings)
		mvc.perform(get("/api/venues/figures").param("from", bookings.today().minusYears(1).toString())
				.param("to", bookings.today().toString()).with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].useRate").isNumber())
			.andExpect(jsonPath("$[0].noShowRate").isNumber());
	}

}
