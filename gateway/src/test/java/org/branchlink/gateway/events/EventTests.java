package org.branchlink.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCatalog;
import org.branchlink.catalog.event.EventCategory;
import org.branchlink.catalog.event.EventSearch;
import org.branchlink.gateway.IntegrationTest;
import org.branchlink.gateway.platform.ConflictException;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.gateway.reader.ReaderRegistry;
import org.branchlink.gateway.site.NotFoundException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Events: publication, one search with the books, registration with its waiting list, check-in and rating. */
class EventTests extends IntegrationTest {

	@Autowired
	EventCatalog catalog;

	@Autowired
	EventSearch search;

	@Autowired
	EventRegistrations registrations;

	@Autowired
	EventCheckIns checkIns;

	@Autowired
	ReaderRegistry readers;

	@Autowired
	MockMvc mvc;

	private static int readerCount;

	private Reader reader() {
		return readers.register(new ReaderRegistry.Registration("活动读者" + (readerCount++), LocalDate.of(1988, 5, 1),
				"adult", "baishi", null, false, null, null, null));
	}

	private CulturalEvent event(String title, EventCategory category, Instant starts, Integer capacity) {
		return catalog.publish(new CulturalEvent(null, CulturalEvent.Source.FORM, "culture-hall",
				"test-" + title + "-" + starts.toEpochMilli(), "", 0, CulturalEvent.Kind.EVENT, category, title,
				"由县文化馆老师指导", "baishi", "二楼活动室", starts, starts.plus(Duration.ofHours(2)), capacity,
				Set.of(Audience.CHILDREN), true, null, false)).event();
	}

	@Test
	void oneQueryFindsCalligraphyBooksAndThisWeeksCalligraphyClassNearby() throws Exception {
		CulturalEvent lesson = event("少儿书法体验课", EventCategory.TRAINING, Instant.now().plus(Duration.ofDays(2)), 20);
		mvc.perform(get("/api/search").param("q", "书法").param("near", "27.60,120.10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.works[0].title").value(Matchers.containsString("书法")))
			.andExpect(jsonPath("$.events[?(@.id == " + lesson.id() + ")].title").value("少儿书法体验课"))
			.andExpect(jsonPath("$.events[0].distanceKm").isNumber());
		EventSearch.Page thisWeek = search.search(new EventSearch.Query("书法", List.of("training"), List.of("children"),
				"week", null, null, null, "Asia/Shanghai", 10));
		assertThat(thisWeek.hits()).extracting(EventSearch.Hit::id).contains(lesson.id());
		assertThat(thisWeek.facets().get("category")).anySatisfy(v -> assertThat(v.value()).isEqualTo("training"));
		EventSearch.Page lectures = search.search(new EventSearch.Query("书法", List.of("lecture"), null, null, null, null,
				null, "Asia/Shanghai", 10));
		assertThat(lectures.hits()).extracting(EventSearch.Hit::id).doesNotContain(lesson.id());
	}

	@Test
	void aFullEventWaitlistsAndACancelledPlaceGoesToTheFirstWaiting() {
		CulturalEvent talk = event("非遗剪纸讲座", EventCategory.LECTURE, Instant.now().plus(Duration.ofDays(5)), 2);
		Reader a = reader(), b = reader(), c = reader(), d = reader();
		var ra = registrations.register(a, talk.id());
		registrations.register(b, talk.id());
		var rc = registrations.register(c, talk.id());
		var rd = registrations.register(d, talk.id());
		assertThat(ra.status()).isEqualTo("registered");
		assertThat(rc.status()).isEqualTo("waitlisted");
		assertThat(rc.position()).isEqualTo(1);
		assertThat(rd.position()).isEqualTo(2);
		assertThatThrownBy(() -> registrations.register(a, talk.id())).isInstanceOf(ConflictException.class);

		registrations.cancel(a, ra.id());

		assertThat(registrations.view(rc.id()).status()).isEqualTo("registered");
		assertThat(registrations.view(rd.id()).position()).isEqualTo(1);
		assertThat(registrations.counts(talk.id()).placesLeft()).isZero();
	}

	@Test
	void aReaderMayHoldOnlySoManyRegistrations() {
		Reader busy = reader();
		for (int i = 0; i < 5; i++) {
			registrations.register(busy,
					event("读书会第" + i + "期", EventCategory.EXPERIENCE, Instant.now().plus(Duration.ofDays(3 + i)), null).id());
		}
		CulturalEvent sixth = event("读书会第6期", EventCategory.EXPERIENCE, Instant.now().plus(Duration.ofDays(9)), null);
		assertThatThrownBy(() -> registrations.register(busy, sixth.id())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("5");
	}

	@Test
	void participantsAreCheckedInAndRateTheEventWalkInsCount() {
		CulturalEvent show = event("越剧专场演出", EventCategory.PERFORMANCE, Instant.now().minus(Duration.ofMinutes(10)), 50);
		Reader came = reader();
		var checkedIn = checkIns.checkIn(show.id(), came.cardNumber());
		checkIns.checkIn(show.id(), null);
		assertThat(checkedIn.status()).isEqualTo("attended");
		assertThatThrownBy(() -> checkIns.checkIn(show.id(), came.cardNumber())).isInstanceOf(ConflictException.class);
		registrations.rate(came, checkedIn.id(), 5, "很精彩");
		var counts = registrations.counts(show.id());
		assertThat(counts.attended()).isEqualTo(2);
		assertThat(counts.averageRating()).isEqualTo(5.0);
		assertThatThrownBy(() -> registrations.rate(reader(), checkedIn.id(), 4, null))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void aSitesSystemPushesEventsAnOlderRevisionChangesNothingAndACancellationReachesRegistrants() throws Exception {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(6).withNano(0);
		String v1 = "[{\"uid\":\"push-42\",\"sequence\":1,\"category\":\"展示\",\"title\":\"乡村摄影展\",\"siteId\":\"baishi\","
				+ "\"starts\":\"" + start + "\",\"ends\":\"" + start.plusHours(3) + "\",\"capacity\":30},"
				+ "{\"uid\":\"push-43\",\"category\":\"nonsense\",\"title\":\"坏数据\",\"siteId\":\"baishi\",\"starts\":\""
				+ start + "\",\"ends\":\"" + start.plusHours(1) + "\"}]";
		mvc.perform(post("/api/sites/baishi/events").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(v1))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].change").value("added"))
			.andExpect(jsonPath("$[1].change").value("refused"))
			.andExpect(jsonPath("$[1].error").value(Matchers.containsString("nonsense")));
		String v0 = v1.replace("\"sequence\":1", "\"sequence\":0").replace("乡村摄影展", "旧标题");
		mvc.perform(post("/api/sites/baishi/events").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(v0))
			.andExpect(jsonPath("$[0].change").value("stale"));
		CulturalEvent stored = catalog.find("baishi", "push-42", "").orElseThrow();
		assertThat(stored.title()).isEqualTo("乡村摄影展");
		var registration = registrations.register(reader(), stored.id());

		String cancelled = v1.replace("\"sequence\":1", "\"sequence\":2,\"cancelled\":true");
		mvc.perform(post("/api/sites/baishi/events").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(cancelled))
			.andExpect(jsonPath("$[0].change").value("updated"));
		assertThat(registrations.view(registration.id()).status()).isEqualTo("cancelled");
		assertThat(search.search(new EventSearch.Query("乡村摄影展", null, null, null, null, null, null, "Asia/Shanghai", 10))
			.hits()).extracting(EventSearch.Hit::id).doesNotContain(stored.id());
	}

	@Test
	void aLibrarianOfAnotherSiteMayNotPublishThere() throws Exception {
		String body = "{\"category\":\"lecture\",\"title\":\"讲座\",\"siteId\":\"central-library\",\"starts\":"
				+ "\"2030-01-01T10:00:00+08:00\",\"ends\":\"2030-01-01T11:00:00+08:00\"}";
		mvc.perform(post("/api/events").with(httpBasic("librarian", "demo-librarian"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/events").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.category").value("LECTURE"));
	}

	@Test
	void aSitesSystemCannotPushAnEventIntoAnotherSite() throws Exception {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(8).withNano(0);
		String intoBaishi = "[{\"uid\":\"cross-1\",\"category\":\"lecture\",\"title\":\"冒名讲座\",\"siteId\":\"baishi\","
				+ "\"starts\":\"" + start + "\",\"ends\":\"" + start.plusHours(1) + "\"}]";
		mvc.perform(post("/api/sites/central-library/events").header("X-API-Key", "demo-central-library-key")
			.contentType(MediaType.APPLICATION_JSON).content(intoBaishi))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(Matchers.allOf(
					Matchers.containsString("'baishi'"), Matchers.containsString("'central-library'"))));
		assertThat(catalog.find("central-library", "cross-1", "")).isEmpty();

		String atItsOwnSite = intoBaishi.replace(",\"siteId\":\"baishi\"", "");
		mvc.perform(post("/api/sites/central-library/events").header("X-API-Key", "demo-central-library-key")
			.contentType(MediaType.APPLICATION_JSON).content(atItsOwnSite))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].change").value("added"));
		assertThat(catalog.find("central-library", "cross-1", "").orElseThrow().siteId()).isEqualTo("central-library");

		mvc.perform(post("/api/sites/central-library/events").with(httpBasic("admin", "demo-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(intoBaishi.replace("cross-1", "cross-2")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].change").value("added"));
	}

}
