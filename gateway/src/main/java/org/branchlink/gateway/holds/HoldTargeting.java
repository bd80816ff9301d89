package org.branchlink.gateway.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Which copy fills a hold (rules of issue 5, §2):
 * <ol>
 * <li>copies at closed sites are skipped; a new acquisition (younger than {@code localDays}) is kept for readers of its
 * own township;</li>
 * <li>a copy on the shelf at the pickup site wins;</li>
 * <li>otherwise the lowest transport cost from the copy's site to the pickup site, raised by the copies the site has
 * sent for holds lately ({@code loadWeight} per recent allocation) so one branch is not always the one drained;</li>
 * <li>ties (within 1 %) are broken at random — a fixed order would drain the first site (Koha bug 40620).</li>
 * </ol>
 * Plain Java: the caller brings the candidates (copies on the shelf), the costs, the sites' recent load and the
 * randomness.
 */
public final class HoldTargeting {

	private final TransportCosts costs;

	private final Predicate<String> siteOpen;

	private final ToIntFunction<String> recentLoad;

	private final double loadWeight;

	private final Duration localDays;

	private final RandomGenerator random;

	public HoldTargeting(TransportCosts costs, Predicate<String> siteOpen, ToIntFunction<String> recentLoad,
			double loadWeight, Duration localDays, RandomGenerator random) {
		this.costs = costs;
		this.siteOpen = siteOpen;
		this.recentLoad = recentLoad;
		this.loadWeight = loadWeight;
		this.localDays = localDays;
		this.random = random;
	}

	/**
	 * @param pickupSite where the reader collects
	 * @param readerTownship the township of the reader's home site (for age protection), may be null
	 * @param townshipOf the township of a site
	 * @param candidates copies on the shelf
	 * @param now the time
	 */
	public Optional<CopyCandidate> choose(String pickupSite, String readerTownship,
			Function<String, String> townshipOf, Collection<CopyCandidate> candidates, Instant now) {
		List<CopyCandidate> eligible = new ArrayList<>();
		for (CopyCandidate c : candidates) {
			if (!siteOpen.test(c.shelfSite())) {
				continue;
			}
			boolean young = c.catalogedAt() != null && c.catalogedAt().isAfter(now.minus(localDays));
			if (young && !Objects.equals(townshipOf.apply(c.item().siteId()), readerTownship)) {
				continue;
			}
			eligible.add(c);
		}
		List<CopyCandidate> atPickup = eligible.stream().filter(c -> c.shelfSite().equals(pickupSite)).toList();
		if (!atPickup.isEmpty()) {
			return Optional.of(atPickup.get(random.nextInt(atPickup.size())));
		}
		double[] scores = new double[eligible.size()];
		double best = Double.POSITIVE_INFINITY;
		for (int i = 0; i < eligible.size(); i++) {
			String site = eligible.get(i).shelfSite();
			scores[i] = costs.cost(site, pickupSite) * (1 + loadWeight * recentLoad.applyAsInt(site));
			best = Math.min(best, scores[i]);
		}
		List<CopyCandidate> tied = new ArrayList<>();
		for (int i = 0; i < eligible.size(); i++) {
			if (scores[i] <= best * 1.01 + 1e-9 && scores[i] < Double.POSITIVE_INFINITY) {
				tied.add(eligible.get(i));
			}
		}
		return tied.isEmpty() ? Optional.empty() : Optional.of(tied.get(random.nextInt(tied.size())));
	}

}
