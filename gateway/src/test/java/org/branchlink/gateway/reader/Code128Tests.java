package org.branchlink.gateway.reader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Code 128 B as the standard has it: every symbol eleven modules with an even number of bar modules, all distinct, the
 * check symbol weighted by position; and the SVG read back bar by bar decodes to the card number. (The drawing of a
 * demo card number was also read by zbar's zbarimg from a Chromium screenshot while this class was written.)
 */
class Code128Tests {

	@Test
	void everySymbolIsElevenModulesWithEvenBarsAndNoTwoAlike() {
		assertThat(Code128.PATTERNS).hasSize(107);
		for (int i = 0; i < 106; i++) {
			String pattern = Code128.PATTERNS[i];
			assertThat(pattern).as("symbol %d", i).hasSize(6);
			assertThat(pattern.chars().map(c -> c - '0').sum()).as("symbol %d modules", i).isEqualTo(11);
			int bars = (pattern.charAt(0) - '0') + (pattern.charAt(2) - '0') + (pattern.charAt(4) - '0');
			assertThat(bars % 2).as("symbol %d bar modules", i).isZero();
		}
		assertThat(Code128.PATTERNS[Code128.STOP]).isEqualTo("2331112");
		assertThat(new HashSet<>(List.of(Code128.PATTERNS))).hasSize(107);
	}

	@Test
	void theCheckSymbolWeighsEachCharacterByItsPosition() {
		// P=48 J=42 J=42 1=17 2=18 3=19 C=35: 104 + 48 + 84 + 126 + 68 + 90 + 114 + 245 = 879 = 8 × 103 + 55
		assertThat(Code128.symbols("PJJ123C")).containsExactly(104, 48, 42, 42, 17, 18, 19, 35, 55, 106);
	}

	@Test
	void theDrawingReadsBackAsTheCardNumber() {
		String card = "BL55140263819";
		assertThat(decode(Code128.svg(card, 50))).isEqualTo(card);
		assertThat(decode(Code128.svg("A", 50))).isEqualTo("A");
	}

	@Test
	void onlyPrintableAsciiIsEncoded() {
		assertThatIllegalArgumentException().isThrownBy(() -> Code128.symbols("读者"));
		assertThatIllegalArgumentException().isThrownBy(() -> Code128.symbols(""));
	}

	/** Reads the bars' positions from the SVG path, measures bars and spaces, and decodes the symbols. */
	private static String decode(String svg) {
		Matcher bar = Pattern.compile("M(\\d+) 0h(\\d+)").matcher(svg);
		List<Integer> widths = new ArrayList<>();
		int end = -1;
		while (bar.find()) {
			int x = Integer.parseInt(bar.group(1));
			int w = Integer.parseInt(bar.group(2));
			if (end >= 0) {
				widths.add(x - end);
			}
			widths.add(w);
			end = x + w;
		}
		Map<String, Integer> bySymbol = new HashMap<>();
		for (int i = 0; i < Code128.PATTERNS.length; i++) {
			bySymbol.put(Code128.PATTERNS[i], i);
		}
		List<Integer> symbols = new ArrayList<>();
		int i = 0;
		while (i < widths.size()) {
			int length = widths.size() - i == 7 ? 7 : 6;
			StringBuilder pattern = new StringBuilder();
			widths.subList(i, i + length).forEach(pattern::append);
			symbols.add(bySymbol.get(pattern.toString()));
			i += length;
		}
		assertThat(symbols.get(0)).isEqualTo(Code128.START_B);
		assertThat(symbols.get(symbols.size() - 1)).isEqualTo(Code128.STOP);
		int sum = Code128.START_B;
		StringBuilder text = new StringBuilder();
		for (int k = 1; k < symbols.size() - 2; k++) {
			sum += symbols.get(k) * k;
			text.append((char) (symbols.get(k) + 32));
		}
		assertThat(symbols.get(symbols.size() - 2)).as("check symbol").isEqualTo(sum % 103);
		return text.toString();
	}

}
