package org.branchlink.gateway.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The stratified sample and the margin of error, on a frame of 20,000 readers in 15 townships of unequal size. */
class StratifiedSampleTests {

	private static List<StratifiedSample.Member> frame() {
		Random random = new Random(7);
		List<StratifiedSample.Member> frame = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			// township t holds a share growing with t: unequal strata
			int t = (int) Math.floor(Math.sqrt(random.nextDouble()) * 15);
			frame.add(new StratifiedSample.Member(1_000 + i, "township-" + (char) ('a' + t)));
		}
		return frame;
	}

	@Test
	void theSampleHasTheAskedSizeSpreadInProportionToEachTownship() {
		List<StratifiedSample.Member> frame = frame();
		List<StratifiedSample.Member> sample = StratifiedSample.draw(frame, 500, 42);
		assertThat(sample).hasSize(500).doesNotHaveDuplicates();
		Map<String, Long> sizes = frame.stream().collect(Collectors.groupingBy(StratifiedSample.Member::stratum, TreeMap::new,
				Collectors.counting()));
		Map<String, Long> drawn = sample.stream().collect(Collectors.groupingBy(StratifiedSample.Member::stratum,
				Collectors.counting()));
		sizes.forEach((township, size) -> assertThat((double) drawn.getOrDefault(township, 0L))
			.as(township).isCloseTo(500.0 * size / frame.size(), within(1.0)));
	}

	@Test
	void theSameSeedDrawsTheSameSampleAndAnotherSeedAnother() {
		List<StratifiedSample.Member> frame = frame();
		List<StratifiedSample.Member> once = StratifiedSample.draw(frame, 500, 20261123L);
		List<StratifiedSample.Member> shuffledFrame = new ArrayList<>(frame);
		Collections.shuffle(shuffledFrame, new Random(1));
		assertThat(StratifiedSample.draw(shuffledFrame, 500, 20261123L)).as("frame order does not matter")
			.containsExactlyInAnyOrderElementsOf(once);
		List<StratifiedSample.Member> other = StratifiedSample.draw(frame, 500, 20261124L);
		assertThat(other).isNotEqualTo(once);
		assertThat(other.stream().filter(once::contains).count()).isLessThan(100);
	}

	@Test
	void aFrameSmallerThanTheSampleIsRefused() {
		assertThatThrownBy(() -> StratifiedSample.draw(frame().subList(0, 300), 500, 1))
			.hasMessageContaining("300").hasMessageContaining("500");
	}

	@Test
	void theMarginOfErrorIsTheNormalApproximation() {
		assertThat(StratifiedSample.marginOfError(0.5, 500)).isCloseTo(0.0438, within(0.0001));
		assertThat(StratifiedSample.marginOfError(0.85, 500)).isCloseTo(0.0313, within(0.0001));
		assertThat(StratifiedSample.marginOfError(0.9, 500)).isCloseTo(0.0263, within(0.0001));
		assertThat(StratifiedSample.marginOfError(0.9, 0)).isNaN();
	}

}
