package org.branchlink.gateway.circulation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.branchlink.gateway.circulation.ItemCirculation.Conflict;
import org.branchlink.gateway.circulation.ItemCirculation.Effect;
import org.branchlink.gateway.circulation.ItemCirculation.LoanClosed;
import org.branchlink.sync.circulation.CirculationEvent;
import org.branchlink.sync.circulation.CirculationAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lending rules of one copy, without a database. */
class ItemCirculationTests {

	private static final Instant T = Instant.parse("2026-11-02T02:00:00Z");

	private static final LendingRules RULES = new LendingRules() {
		@Override
		public boolean floats(String ownerSite) {
			return ownerSite.equals("study-room");
		}

		@Override
		public Optional<ReaderTerms> reader(String card) {
			return card.startsWith("known") ? Optional.of(new ReaderTerms("adult", new LoanTerms(10, 30, 1, 15))) : Optional.empty();
		}

		@Override
		public ReaderTerms unknownReader() {
			return new ReaderTerms("adult", new LoanTerms(10, 30, 1, 15));
		}

		@Override
		public Instant due(Instant from, int days) {
			return from.plus(days, ChronoUnit.DAYS);
		}
	};

	private static CirculationEvent e(String site, String id, CirculationAction type, int minute, String card) {
		return new CirculationEvent(site, id, type, T.plusSeconds(60L * minute), "B1", null, card, null, null);
	}

	@Test
	void aReturnAwayFromHomeGoesInTransitHomeAndIsOnTheShelfWhenReceived() {
		ItemCirculation copy = ItemCirculation.fresh("home");
		copy.apply(e("village", "1", CirculationAction.CHECKOUT, 0, "known-1"), RULES);
		assertThat(copy.status()).isEqualTo(CopyStatus.ON_LOAN);
		assertThat(copy.loan().due()).isEqualTo(T.plus(30, ChronoUnit.DAYS));
		List<Effect> back = copy.apply(e("village", "2", CirculationAction.CHECKIN, 5, null), RULES);
		assertThat(back).singleElement().isInstanceOf(LoanClosed.class);
		assertThat(copy.status()).isEqualTo(CopyStatus.IN_TRANSIT);
		assertThat(copy.atSite()).isEqualTo("village");
		assertThat(copy.destination()).isEqualTo("home");
		copy.apply(e("home", "3", CirculationAction.RECEIVE, 60, null), RULES);
		assertThat(copy.status()).isEqualTo(CopyStatus.AVAILABLE);
		assertThat(copy.atSite()).isNull();
	}

	@Test
	void aFloatingCopyStaysWhereItIsReturned() {
		ItemCirculation copy = ItemCirculation.fresh("study-room");
		copy.apply(e("study-room", "1", CirculationAction.CHECKOUT, 0, "known-1"), RULES);
		copy.apply(e("village", "2", CirculationAction.CHECKIN, 5, null), RULES);
		assertThat(copy.status()).isEqualTo(CopyStatus.AVAILABLE);
		assertThat(copy.atSite()).isEqualTo("village");
	}

	@Test
	void renewalsExtendFromTheDueDateAndARenewalOfACopyNotOnLoanIsAConflict() {
		ItemCirculation copy = ItemCirculation.fresh("home");
		assertThat(copy.apply(e("home", "0", CirculationAction.RENEW, 0, "known-1"), RULES)).singleElement()
			.isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.kind()).isEqualTo(ConflictKind.RENEW_NOT_ON_LOAN));
		copy.apply(e("home", "1", CirculationAction.CHECKOUT, 1, "known-1"), RULES);
		copy.apply(e("home", "2", CirculationAction.RENEW, 2, "known-1"), RULES);
		assertThat(copy.loan().renewals()).isEqualTo(1);
		assertThat(copy.loan().due()).isEqualTo(T.plusSeconds(60).plus(45, ChronoUnit.DAYS));
	}

	@Test
	void lostClosesTheLoanAndFoundPutsTheCopyBack() {
		ItemCirculation copy = ItemCirculation.fresh("home");
		copy.apply(e("home", "1", CirculationAction.CHECKOUT, 0, "known-1"), RULES);
		assertThat(copy.apply(e("home", "2", CirculationAction.LOST, 10, null), RULES)).singleElement()
			.isInstanceOfSatisfying(LoanClosed.class, c -> assertThat(c.how()).isEqualTo("lost"));
		assertThat(copy.status()).isEqualTo(CopyStatus.LOST);
		copy.apply(e("home", "3", CirculationAction.FOUND, 20, null), RULES);
		assertThat(copy.status()).isEqualTo(CopyStatus.AVAILABLE);
	}

	@Test
	void anUnknownCardBorrowsOnDefaultTermsAndIsListed() {
		ItemCirculation copy = ItemCirculation.fresh("home");
		assertThat(copy.apply(e("home", "1", CirculationAction.CHECKOUT, 0, "stranger"), RULES))
			.anySatisfy(effect -> assertThat(effect).isInstanceOfSatisfying(Conflict.class,
					c -> assertThat(c.kind()).isEqualTo(ConflictKind.UNKNOWN_READER)));
		assertThat(copy.loan().card()).isEqualTo("stranger");
	}

	@Test
	void anyOrderOfTheSameEventsReplaysToTheSameCopy() {
		List<CirculationEvent> history = new ArrayList<>();
		Random random = new Random(3);
		CirculationAction[] types = { CirculationAction.CHECKOUT, CirculationAction.CHECKIN, CirculationAction.RENEW,
				CirculationAction.CHECKOUT, CirculationAction.SEND };
		for (int i = 0; i < 40; i++) {
			CirculationAction type = types[random.nextInt(types.length)];
			String site = random.nextBoolean() ? "home" : "village";
			history.add(new CirculationEvent(site, "e" + i, type, T.plusSeconds(60L * random.nextInt(30)), "B1", null,
					"known-" + random.nextInt(3), type == CirculationAction.SEND ? "home" : null, null));
		}
		ItemCirculation.Replay inOrder = ItemCirculation.replay("home", history, RULES);
		for (int round = 0; round < 20; round++) {
			List<CirculationEvent> shuffled = new ArrayList<>(history);
			Collections.shuffle(shuffled, new Random(round));
			ItemCirculation.Replay again = ItemCirculation.replay("home", shuffled, RULES);
			assertThat(again.effects()).isEqualTo(inOrder.effects());
			assertThat(again.copy().status()).isEqualTo(inOrder.copy().status());
			assertThat(again.copy().loan()).isEqualTo(inOrder.copy().loan());
			assertThat(again.copy().last()).isEqualTo(inOrder.copy().last());
		}
		assertThat(inOrder.effects()).hasSizeGreaterThan(10);
	}

	@Test
	void anotherSiteCannotDeclareLostMissingOrSendACopyOnItsOwnersShelf() {
		for (CirculationAction type : List.of(CirculationAction.LOST, CirculationAction.MISSING, CirculationAction.SEND)) {
			ItemCirculation copy = ItemCirculation.fresh("home");
			CirculationEvent change = new CirculationEvent("village", "x", type, T, "B1", null, null, "village", null);
			assertThat(copy.apply(change, RULES)).singleElement().isInstanceOfSatisfying(Conflict.class, c -> {
				assertThat(c.kind()).isEqualTo(ConflictKind.ON_ITS_OWNERS_SHELF);
				assertThat(c.listedFor()).as("listed for the owner").isEqualTo("home");
				assertThat(c.eventSite()).isEqualTo("village");
			});
			assertThat(copy.status()).as(type + " not applied").isEqualTo(CopyStatus.AVAILABLE);
			assertThat(copy.atSite()).isNull();
			assertThat(copy.isAfterLast(change)).isFalse();
		}
		ItemCirculation own = ItemCirculation.fresh("home");
		assertThat(own.apply(new CirculationEvent("home", "y", CirculationAction.LOST, T, "B1", null, null, null, null), RULES))
			.isEmpty();
		assertThat(own.status()).as("the owner may").isEqualTo(CopyStatus.LOST);
		ItemCirculation inHand = ItemCirculation.fresh("home");
		inHand.apply(e("village", "1", CirculationAction.CHECKOUT, 0, "known-1"), RULES);
		inHand.apply(e("village", "2", CirculationAction.CHECKIN, 5, null), RULES);
		inHand.apply(new CirculationEvent("village", "3", CirculationAction.MISSING, T.plusSeconds(600), "B1", null, null, null,
				null), RULES);
		assertThat(inHand.status()).as("the site that has it in hand may").isEqualTo(CopyStatus.MISSING);
	}

}
