package org.branchlink.gateway.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.branchlink.catalog.CatalogCopies;
import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.circulation.LendingDesk;
import org.branchlink.gateway.holds.Hold;
import org.branchlink.gateway.holds.HoldQueue;
import org.branchlink.gateway.holds.HoldShelf;
import org.branchlink.gateway.reader.Reader;
import org.branchlink.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's holds, in every state a reader or a librarian meets: collected ones over the last weeks (placed,
 * pulled and sent, received at the pickup site, lent to their reader and brought back), some left uncollected until
 * they expired, some called off, and today copies on hold shelves, on their way, to be pulled, and readers waiting in
 * a queue (one of them paused). The demo reader has one of each that is open. Every step is a real verb of the
 * holds and the desk on its own day ({@link DemoClock}), so queues, pull lists, transit and hold shelves agree.
 * The copies are ones the generated loans never touched, so no step lands in another copy's history.
 */
@Component
@Profile("demo")
class DemoHolds {

	private static final Logger log = LoggerFactory.getLogger(DemoHolds.class);

	/** Copies per lending site the generated loans use (DemoActivity lends the first 80 barcodes). */
	static final int LENT_COPIES = 80;

	private final HoldQueue holds;

	private final HoldShelf shelf;

	private final LendingDesk desk;

	private final CatalogCopies copies;

	private final DemoClock clock;

	DemoHolds(HoldQueue holds, HoldShelf shelf, LendingDesk desk, CatalogCopies copies, DemoClock clock) {
		this.holds = holds;
		this.shelf = shelf;
		this.desk = desk;
		this.copies = copies;
		this.clock = clock;
	}

	/** What becomes of one hold. */
	enum Fate {
		COLLECTED, EXPIRED, CANCELLED, READY, IN_TRANSIT, ALLOCATED
	}

	/** One step of one hold's life, at its time. */
	private record Step(Instant at, Runnable action) {
	}

	/** One hold as it is generated: its reader, the copy it asks for, its pickup site and, once placed, its id. */
	private static final class Story {

		final Reader reader;

		final ItemRef copy;

		final String pickup;

		final Fate fate;

		Long holdId;

		Story(Reader reader, ItemRef copy, String pickup, Fate fate) {
			this.reader = reader;
			this.copy = copy;
			this.pickup = pickup;
			this.fate = fate;
		}

	}

	/**
	 * Generates the holds of the last {@code days} (at most) for these readers at these lending sites, the demo reader's
	 * among them; returns how many holds ended in each state.
	 */
	Map<Hold.Status, Integer> generate(List<Reader> readers, Reader demoReader, List<Site> lending, int days) {
		Random random = new Random(2027);
		Instant now = clock.instant();
		Deque<ItemRef> spare = spareCopies(lending);
		List<Step> steps = new ArrayList<>();
		int window = Math.max(14, Math.min(days, 90));
		List<Story> stories = new ArrayList<>();
		// the demo reader: one open hold in each state a reader sees, and a closed one of each kind
		String home = demoReader.homeSite();
		story(steps, stories, Fate.READY, demoReader, spare, home, now, 0, random);
		story(steps, stories, Fate.IN_TRANSIT, demoReader, spare, home, now, 0, random);
		story(steps, stories, Fate.COLLECTED, demoReader, spare, home, now, window / 2, random);
		story(steps, stories, Fate.EXPIRED, demoReader, spare, home, now, 0, random);
		story(steps, stories, Fate.CANCELLED, demoReader, spare, home, now, 0, random);
		// the county's readers
		Fate[] fates = { Fate.COLLECTED, Fate.COLLECTED, Fate.COLLECTED, Fate.COLLECTED, Fate.EXPIRED, Fate.CANCELLED,
				Fate.READY, Fate.IN_TRANSIT, Fate.ALLOCATED };
		for (int i = 0; i < 36 && !spare.isEmpty(); i++) {
			Reader reader = readers.get(random.nextInt(readers.size()));
			Fate fate = fates[i % fates.length];
			String pickup = random.nextInt(3) == 0 ? lending.get(random.nextInt(lending.size())).id() : reader.homeSite();
			story(steps, stories, fate, reader, spare, pickup, now, 3 + random.nextInt(window - 2), random);
		}
		// queues: readers waiting behind holds that keep a copy today, the demo reader among them, one of them paused
		List<Story> keeping = stories.stream()
			.filter(s -> s.reader != demoReader)
			.filter(s -> s.fate == Fate.ALLOCATED || s.fate == Fate.READY || s.fate == Fate.IN_TRANSIT)
			.toList();
		int waiting = 0;
		for (Story ahead : keeping) {
			if (waiting >= 4) {
				break;
			}
			Reader behind = waiting <= 1 ? demoReader : readers.get(random.nextInt(readers.size()));
			Story queued = new Story(behind, ahead.copy, behind.homeSite(), null);
			boolean pause = waiting == 1;
			steps.add(new Step(now.minus(Duration.ofMinutes(30 - waiting)), () -> {
				place(queued);
				if (pause && queued.holdId != null) {
					holds.suspend(behind, queued.holdId, LocalDate.ofInstant(now, clock.getZone()).plusDays(14));
				}
			}));
			waiting++;
		}
		steps.sort(Comparator.comparing(Step::at));
		int failed = 0;
		try {
			for (Step step : steps) {
				clock.travelTo(step.at());
				try {
					step.action().run();
				}
				catch (RuntimeException refused) {
					failed++;
					log.debug("Demo holds: a step was refused: {}", refused.getMessage());
				}
			}
		}
		finally {
			clock.back();
		}
		// today's expiry run finds the holds left on the shelf past their pickup days
		shelf.expire(desk);
		Map<Hold.Status, Integer> states = new EnumMap<>(Hold.Status.class);
		for (Story story : stories) {
			if (story.holdId != null) {
				states.merge(Hold.Status.of(holds.view(story.holdId).status()), 1, Integer::sum);
			}
		}
		if (failed > 0) {
			log.info("Demo holds: {} steps refused by the services (limits, copies taken): their holds stop there", failed);
		}
		return states;
	}

	/** The steps of one hold's life that end in its fate, the first of them {@code daysAgo} days before now. */
	private void story(List<Step> steps, List<Story> stories, Fate fate, Reader reader, Deque<ItemRef> spare,
			String pickup, Instant now, int daysAgo, Random random) {
		ItemRef copy = spare.pollFirst();
		if (copy == null) {
			return;
		}
		String to = fate == Fate.IN_TRANSIT && pickup.equals(copy.siteId()) ? otherThan(copy.siteId(), spare) : pickup;
		if (to == null) {
			return;
		}
		Story story = new Story(reader, copy, to, fate);
		stories.add(story);
		Instant placed = switch (fate) {
			case COLLECTED -> now.minus(Duration.ofDays(Math.max(8, daysAgo)));
			case EXPIRED -> now.minus(Duration.ofDays(12));
			case CANCELLED -> now.minus(Duration.ofDays(9));
			case READY -> now.minus(Duration.ofDays(3));
			case IN_TRANSIT -> now.minus(Duration.ofDays(1));
			case ALLOCATED -> now.minus(Duration.ofHours(3));
		};
		placed = placed.plus(Duration.ofMinutes(random.nextInt(fate == Fate.ALLOCATED ? 60 : 240)));
		steps.add(new Step(placed, () -> place(story)));
		if (fate == Fate.CANCELLED) {
			steps.add(new Step(placed.plus(Duration.ofDays(2)), () -> holds.cancel(reader, story.holdId)));
			return;
		}
		if (fate == Fate.ALLOCATED) {
			return;
		}
		// pulled from the shelf and scanned in where it stands: sent to the pickup site, or ready there
		steps.add(new Step(placed.plus(Duration.ofHours(1)), () -> desk.checkin(copy.siteId(), copy.barcode())));
		if (fate == Fate.IN_TRANSIT) {
			return;
		}
		if (!to.equals(copy.siteId())) {
			steps.add(new Step(placed.plus(Duration.ofDays(1)), () -> desk.checkin(to, copy.barcode())));
		}
		if (fate == Fate.COLLECTED) {
			Instant lent = placed.plus(Duration.ofDays(2 + random.nextInt(3)));
			steps.add(new Step(lent, () -> desk.checkout(to, reader.cardNumber(), copy.barcode())));
			Instant back = lent.plus(Duration.ofDays(5 + random.nextInt(14)));
			if (back.isBefore(now)) {
				// brought back where the copy lives
				steps.add(new Step(back, () -> desk.checkin(copy.siteId(), copy.barcode())));
			}
		}
	}

	private void place(Story story) {
		story.holdId = holds.place(story.reader, story.copy.workId(), story.copy, story.pickup).id();
	}

	/** Another lending site than this one, for a copy that must travel. */
	private static String otherThan(String site, Deque<ItemRef> spare) {
		return spare.stream().map(ItemRef::siteId).filter(other -> !other.equals(site)).findFirst().orElse(null);
	}

	/** Copies the generated loans never touched, taken in turn from the lending sites. */
	private Deque<ItemRef> spareCopies(List<Site> lending) {
		List<Deque<String>> perSite = new ArrayList<>();
		for (Site site : lending) {
			List<String> barcodes = copies.barcodesAt(site.id(), LENT_COPIES + 20);
			perSite.add(new ArrayDeque<>(barcodes.subList(Math.min(LENT_COPIES, barcodes.size()), barcodes.size())));
		}
		List<CatalogCopies.CopyId> inTurn = new ArrayList<>();
		boolean more = true;
		while (more) {
			more = false;
			for (int s = 0; s < lending.size(); s++) {
				String barcode = perSite.get(s).pollFirst();
				if (barcode != null) {
					more = true;
					inTurn.add(new CatalogCopies.CopyId(lending.get(s).id(), barcode));
				}
			}
		}
		Deque<ItemRef> spare = new ArrayDeque<>();
		copies.describe(inTurn).values().forEach(details -> spare.add(details.copy()));
		return spare;
	}

}
