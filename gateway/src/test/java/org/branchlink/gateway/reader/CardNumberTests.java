package org.branchlink.gateway.reader;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Card numbers: random, with a Luhn check digit that the desk verifies; the sequential cards issued before stay valid. */
class CardNumberTests {

	@Test
	void cardNumbersCarryALuhnCheckDigit() {
		assertThat(CardNumber.luhn("7992739871")).isEqualTo(3);
		assertThat(CardNumber.luhn("10000001")).isEqualTo(7);
		assertThat(CardNumber.isWellFormed("BL100000017")).as("a card issued from the sequence").isTrue();
		assertThat(CardNumber.isWellFormed("BL100000018")).isFalse();
		assertThat(CardNumber.isWellFormed("BL")).isFalse();
		assertThat(CardNumber.isWellFormed("XX100000017")).isFalse();
		assertThat(CardNumber.typed(" bl100000017 ")).contains("BL100000017");
	}

	@Test
	void newCardsAreRandomAndEveryMistypedDigitIsCaught() {
		Set<String> issued = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String card = CardNumber.issue();
			assertThat(card).matches("BL\\d{11}");
			assertThat(CardNumber.isWellFormed(card)).isTrue();
			issued.add(card);
		}
		assertThat(issued).hasSize(1000);
		long consecutive = issued.stream().map(card -> Long.parseLong(card.substring(2, 12)))
			.filter(n -> issued.stream().anyMatch(other -> Long.parseLong(other.substring(2, 12)) == n + 1))
			.count();
		assertThat(consecutive).as("not drawn from a sequence").isLessThan(5);
		String card = issued.iterator().next();
		for (int position = 2; position < card.length(); position++) {
			for (char digit = '0'; digit <= '9'; digit++) {
				if (digit != card.charAt(position)) {
					String mistyped = card.substring(0, position) + digit + card.substring(position + 1);
					assertThat(CardNumber.isWellFormed(mistyped)).as(mistyped).isFalse();
				}
			}
		}
	}

}
