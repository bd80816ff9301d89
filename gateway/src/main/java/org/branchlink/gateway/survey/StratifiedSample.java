package org.branchlink.gateway.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A simple random sample within strata (townships), allocated in proportion to each stratum's size by the largest
 * remainder, drawn with a seeded generator: the same frame and seed always give the same sample, so a third-party
 * evaluator can check it. Plain Java.
 */
public final class StratifiedSample {

	/** One person of the frame: an id and the stratum it belongs to. */
	public record Member(long id, String stratum) {
	}

	private StratifiedSample() {
	}

	/** How many to draw from each stratum for a sample of {@code n} (proportional, largest remainder). */
	public static Map<String, Integer> allocate(Map<String, Integer> sizes, int n) {
		int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
		if (n > total) {
			throw new IllegalArgumentException("the frame has " + total + " people, fewer than the sample of " + n);
		}
		Map<String, Integer> allocation = new TreeMap<>();
		List<Map.Entry<String, Double>> remainders = new ArrayList<>();
		int given = 0;
		for (Map.Entry<String, Integer> stratum : new TreeMap<>(sizes).entrySet()) {
			double exact = (double) n * stratum.getValue() / total;
			int whole = (int) Math.floor(exact);
			allocation.put(stratum.getKey(), whole);
			given += whole;
			remainders.add(Map.entry(stratum.getKey(), exact - whole));
		}
		remainders.sort(Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
		for (int i = 0; given < n; i++, given++) {
			allocation.merge(remainders.get(i).getKey(), 1, Integer::sum);
		}
		return allocation;
	}

	/** Draws the sample: per stratum (in name order) a seeded shuffle of its members by id, the first n_h of them. */
	public static List<Member> draw(List<Member> frame, int n, long seed) {
		Map<String, List<Member>> strata = new TreeMap<>();
		for (Member member : frame) {
			strata.computeIfAbsent(member.stratum(), s -> new ArrayList<>()).add(member);
		}
		Map<String, Integer> sizes = new TreeMap<>();
		strata.forEach((stratum, members) -> sizes.put(stratum, members.size()));
		Map<String, Integer> allocation = allocate(sizes, n);
		Random random = new Random(seed);
		List<Member> sample = new ArrayList<>();
		for (Map.Entry<String, List<Member>> stratum : strata.entrySet()) {
			List<Member> members = new ArrayList<>(stratum.getValue());
			members.sort(Comparator.comparingLong(Member::id));
			Collections.shuffle(members, random);
			sample.addAll(members.subList(0, allocation.get(stratum.getKey())));
		}
		return sample;
	}

	/** The 95 % margin of error of a proportion {@code p} from {@code n} answers: 1.96 √(p(1−p)/n). */
	public static double marginOfError(double p, int n) {
		if (n <= 0) {
			return Double.NaN;
		}
		return 1.96 * Math.sqrt(p * (1 - p) / n);
	}

}
