package org.branchlink.gateway.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import org.branchlink.catalog.ItemRef;
import org.branchlink.gateway.demo.DemoCounty;
import org.branchlink.site.Site;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteRegistry;
import org.branchlink.site.SiteRegistryReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which copy fills a hold, on the demo county's real hierarchy and distances. */
class HoldTargetingTests {

	private static final SiteRegistry COUNTY = SiteRegistryReader.read(DemoCounty.registryYaml(), "demo");

	private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	private static final Instant OLD = NOW.minus(Duration.ofDays(400));

	private final TransportCosts costs = new TransportCosts(COUNTY, Map.of());

	private final Function<String, String> township = id -> COUNTY.townshipOf(id).map(Site::id).orElse(null);

	private static List<Site> villagesOf(String township) {
		return COUNTY.childrenOf(township).stream().filter(s -> s.kind() == SiteKind.VILLAGE_CENTER
				|| s.kind() == SiteKind.COMMUNITY_CENTER).toList();
	}

	private static CopyCandidate copy(String site, String barcode, Instant cataloged) {
		return new CopyCandidate(new ItemRef(site, barcode, "w1"), site, cataloged);
	}

	private HoldTargeting targeting(Map<String, Integer> load, Predicate<String> open, long seed) {
		return new HoldTargeting(costs, open, site -> load.getOrDefault(site, 0), 0.5, Duration.ofDays(30),
				new Random(seed));
	}

	@Test
	void aCopyOnTheShelfAtThePickupSiteComesFirst() {
		List<Site> villages = villagesOf("baishi");
		String pickup = villages.get(0).id();
		var chosen = targeting(Map.of(), s -> true, 1).choose(pickup, "baishi", township,
				List.of(copy("baishi", "near", OLD), copy(pickup, "here", OLD), copy("central-library", "far", OLD)), NOW);
		assertThat(chosen).map(c -> c.item().barcode()).contains("here");
	}

	@Test
	void theCheapestRouteWinsTheTownshipStationBeforeTheCentralLibrary() {
		String pickup = villagesOf("baishi").get(0).id();
		assertThat(costs.cost("baishi", pickup)).isLessThan(costs.cost("central-library", pickup));
		var chosen = targeting(Map.of(), s -> true, 1).choose(pickup, "baishi", township,
				List.of(copy("central-library", "far", OLD), copy("baishi", "near", OLD)), NOW);
		assertThat(chosen).map(c -> c.item().barcode()).contains("near");
	}

	@Test
	void aClosedSiteIsSkipped() {
		String pickup = villagesOf("baishi").get(0).id();
		var chosen = targeting(Map.of(), site -> !site.equals("baishi"), 1).choose(pickup, "baishi", township,
				List.of(copy("central-library", "far", OLD), copy("baishi", "near", OLD)), NOW);
		assertThat(chosen).map(c -> c.item().barcode()).contains("far");
	}

	@Test
	void aNewAcquisitionIsKeptForItsOwnTownshipsReaders() {
		String pickup = villagesOf("baishi").get(0).id();
		String otherTownship = COUNTY.sites().stream().filter(s -> s.kind() == SiteKind.TOWNSHIP_STATION
				&& !s.id().equals("baishi")).findFirst().orElseThrow().id();
		CopyCandidate fresh = copy(otherTownship, "new", NOW.minus(Duration.ofDays(5)));
		assertThat(targeting(Map.of(), s -> true, 1).choose(pickup, "baishi", township, List.of(fresh), NOW)).isEmpty();
		assertThat(targeting(Map.of(), s -> true, 1).choose(villagesOf(otherTownship).get(0).id(), otherTownship, township,
				List.of(fresh), NOW)).isPresent();
		CopyCandidate older = copy(otherTownship, "old", NOW.minus(Duration.ofDays(31)));
		assertThat(targeting(Map.of(), s -> true, 1).choose(pickup, "baishi", township, List.of(older), NOW)).isPresent();
	}

	@Test
	void equalCandidatesShareTheLoadByRandomTieBreaks() {
		// three villages of one township, a pickup at their station: the same cost from each when overridden equal
		List<Site> villages = villagesOf("baishi").subList(0, 3);
		Map<String, Double> equal = new HashMap<>();
		villages.forEach(v -> equal.put(v.id() + ">baishi", 2.0));
		HoldTargeting fair = new HoldTargeting(new TransportCosts(COUNTY, equal), s -> true, s -> 0, 0, Duration.ofDays(30),
				new Random(7));
		List<CopyCandidate> candidates = villages.stream().map(v -> copy(v.id(), v.id(), OLD)).toList();
		Map<String, Integer> picks = new HashMap<>();
		int trials = 9_000;
		for (int i = 0; i < trials; i++) {
			fair.choose("baishi", "baishi", township, candidates, NOW)
				.ifPresent(c -> picks.merge(c.shelfSite(), 1, Integer::sum));
		}
		// chi-square with 2 degrees of freedom: 13.8 is the 0.1 % critical value
		double expected = trials / 3.0;
		double chi = picks.values().stream().mapToDouble(n -> (n - expected) * (n - expected) / expected).sum();
		assertThat(picks).hasSize(3);
		assertThat(chi).isLessThan(13.8);
	}

	@Test
	void aSiteThatSentManyCopiesLatelyIsSparedWhenAnotherIsAlmostAsNear() {
		List<Site> villages = villagesOf("baishi").subList(0, 2);
		Map<String, Double> close = Map.of(villages.get(0).id() + ">baishi", 2.0, villages.get(1).id() + ">baishi", 2.2);
		HoldTargeting balanced = new HoldTargeting(new TransportCosts(COUNTY, close), s -> true,
				s -> s.equals(villages.get(0).id()) ? 4 : 0, 0.5, Duration.ofDays(30), new Random(1));
		Optional<CopyCandidate> chosen = balanced.choose("baishi", "baishi", township,
				villages.stream().map(v -> copy(v.id(), v.id(), OLD)).toList(), NOW);
		assertThat(chosen).map(CopyCandidate::shelfSite).contains(villages.get(1).id());
	}

}
