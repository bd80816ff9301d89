package org.branchlink.gateway.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Code 128 barcode (code set B: printable ASCII) drawn as SVG, so a reader's card number can be scanned from a phone
 * screen at the desk as from a plastic card. No dependency: the 107 symbol patterns are the standard's (ISO/IEC 15417).
 */
public final class Code128 {

	/** Bar and space widths, in modules, of symbols 0–105 (six elements each) and the stop symbol (seven). */
	static final String[] PATTERNS = { "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312",
			"132212", "221213", "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211",
			"221132", "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
			"212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313", "231113",
			"231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331", "231131", "213113",
			"213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111", "314111", "221411", "431111",
			"111224", "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114", "122411", "142112",
			"142211", "241211", "221114", "413111", "241112", "134111", "111242", "121142", "121241", "114212", "124112",
			"124211", "411212", "421112", "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113",
			"114311", "411113", "411311", "113141", "114131", "311141", "411131", "211412", "211214", "211232",
			"2331112" };

	static final int START_B = 104;

	static final int STOP = 106;

	/** Quiet zone on each side, in modules (the standard asks for at least ten). */
	static final int QUIET = 10;

	private Code128() {
	}

	/** The symbol values: start B, one per character, the check symbol, stop. */
	static List<Integer> symbols(String text) {
		if (text == null || text.isEmpty()) {
			throw new IllegalArgumentException("nothing to encode");
		}
		List<Integer> symbols = new ArrayList<>();
		symbols.add(START_B);
		int sum = START_B;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 32 || c > 126) {
				throw new IllegalArgumentException("Code 128 B encodes printable ASCII only, not U+"
						+ Integer.toHexString(c).toUpperCase(Locale.ROOT));
			}
			symbols.add(c - 32);
			sum += (c - 32) * (i + 1);
		}
		symbols.add(sum % 103);
		symbols.add(STOP);
		return symbols;
	}

	/** The widths of the bars and spaces in order, starting with a bar (quiet zones not included). */
	static List<Integer> widths(String text) {
		List<Integer> widths = new ArrayList<>();
		for (int symbol : symbols(text)) {
			for (char w : PATTERNS[symbol].toCharArray()) {
				widths.add(w - '0');
			}
		}
		return widths;
	}

	/**
	 * The barcode as a standalone SVG document, one unit per module, scaled by its viewer.
	 *
	 * @param text printable ASCII (a card number)
	 * @param height the bars' height in modules
	 */
	public static String svg(String text, int height) {
		List<Integer> widths = widths(text);
		int total = QUIET * 2 + widths.stream().mapToInt(Integer::intValue).sum();
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(total).append(' ').append(height)
			.append("\" width=\"").append(total * 3).append("\" height=\"").append(height * 3)
			.append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
		int x = QUIET;
		boolean bar = true;
		for (int w : widths) {
			if (bar) {
				svg.append('M').append(x).append(" 0h").append(w).append('v').append(height).append('h').append(-w).append('z');
			}
			x += w;
			bar = !bar;
		}
		return svg.append("\"/></svg>").toString();
	}

}
