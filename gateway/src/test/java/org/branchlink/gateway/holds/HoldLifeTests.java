package org.branchlink.gateway.holds;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.branchlink.catalog.CatalogCopies.CopyId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hold's verbs: each moves it only from the statuses that allow it, and leaves it as it was otherwise. */
class HoldLifeTests {

	private static final Instant T = Instant.parse("2026-12-01T02:00:00Z");

	private static final CopyId COPY = new CopyId("baishi", "B0001");

	private static Hold waiting() {
		return Hold.place("C1", "w1", null, "baishi", T);
	}

	@Test
	void aHoldGoesFromItsQueueToItsReaderThroughTheShelfTheRoadAndTheHoldShelf() {
		Hold hold = waiting();
		assertThat(hold.status()).isEqualTo(Hold.Status.WAITING);
		assertThat(hold.allocate(COPY, T.plusSeconds(60))).isTrue();
		assertThat(hold.allocated()).isEqualTo(COPY);
		assertThat(hold.ship()).isTrue();
		assertThat(hold.ready(T.plusSeconds(3600), Duration.ofDays(7))).isTrue();
		assertThat(hold.expiresAt()).isEqualTo(T.plusSeconds(3600).plus(Duration.ofDays(7)));
		assertThat(hold.collect(T.plusSeconds(7200))).isTrue();
		assertThat(hold.status()).isEqualTo(Hold.Status.COLLECTED);
		assertThat(hold.closedAt()).isEqualTo(T.plusSeconds(7200));
		assertThat(hold.status().isClosed()).isTrue();
	}

	@Test
	void aVerbOutOfTurnChangesNothing() {
		Hold hold = waiting();
		assertThat(hold.ship()).isFalse();
		assertThat(hold.ready(T, Duration.ofDays(7))).isFalse();
		assertThat(hold.collect(T)).isFalse();
		assertThat(hold.release()).isFalse();
		assertThat(hold.expire(T)).isFalse();
		assertThat(hold.status()).isEqualTo(Hold.Status.WAITING);
		hold.allocate(COPY, T);
		assertThat(hold.allocate(new CopyId("baishi", "B0002"), T)).as("a second copy").isFalse();
		assertThat(hold.allocated()).isEqualTo(COPY);
		assertThat(hold.suspend(LocalDate.of(2027, 1, 1))).as("only a waiting hold sleeps").isFalse();
	}

	@Test
	void aReleasedHoldWaitsAgainWithoutItsCopy() {
		Hold hold = waiting();
		hold.allocate(COPY, T);
		hold.ready(T, Duration.ofDays(7));
		assertThat(hold.release()).isTrue();
		assertThat(hold.status()).isEqualTo(Hold.Status.WAITING);
		assertThat(hold.allocated()).isNull();
		assertThat(hold.expiresAt()).isNull();
		assertThat(hold.placedAt()).as("its place in the queue").isEqualTo(T);
	}

	@Test
	void onlyAReadyHoldPastItsPickupDaysExpires() {
		Hold hold = waiting();
		hold.allocate(COPY, T);
		hold.ready(T, Duration.ofDays(7));
		assertThat(hold.expire(T.plus(Duration.ofDays(6)))).isFalse();
		assertThat(hold.expire(T.plus(Duration.ofDays(8)))).isTrue();
		assertThat(hold.status()).isEqualTo(Hold.Status.EXPIRED);
		assertThat(hold.cancel(T.plus(Duration.ofDays(9)))).as("a closed hold stays closed").isFalse();
	}

	@Test
	void aCopyLevelHoldTakesOnlyItsCopy() {
		Hold hold = Hold.place("C1", "w1", COPY, "baishi", T);
		assertThatThrownBy(() -> hold.allocate(new CopyId("baishi", "B0002"), T))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(hold.allocate(COPY, T)).isTrue();
	}

	@Test
	void theStoredNamesAreTheStatusesLowerCase() {
		assertThat(Hold.Status.IN_TRANSIT.code()).isEqualTo("in_transit");
		assertThat(Hold.Status.of("in_transit")).isEqualTo(Hold.Status.IN_TRANSIT);
		assertThat(HoldStore.KEEPING_A_COPY).isEqualTo("('allocated', 'in_transit', 'ready')");
	}

}
