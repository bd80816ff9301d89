package org.branchlink.catalog.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.VersionInfo;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/**
 * Writes {@code lang/mapping-latin-folding.txt} of the configset: every non-ASCII Latin letter that ICU folding (the
 * UTR #30 data of Lucene's {@code ICUFoldingFilter}) changes, with what it folds to ({@code é} → {@code e},
 * {@code ß} → {@code ss}, {@code ệ} → {@code e}, {@code ǐ} → {@code i}), and the combining accents it removes. As a char
 * filter ahead of smartcn, which cuts every letter outside ASCII into a token of its own ({@code légende} →
 * {@code l é gende}), it lets smartcn see {@code legende} as one word. Run {@code main} to regenerate after an ICU or
 * Lucene upgrade; {@link LatinFoldingMappingTests} checks the file is current.
 */
final class LatinFoldingMapping {

	static final Path FILE = Path.of("../deploy/solr/configsets/catalog/conf/lang/mapping-latin-folding.txt");

	private LatinFoldingMapping() {
	}

	static String generate() {
		StringBuilder out = new StringBuilder();
		out.append("# Latin letters folded as ICU folding folds them (accents, ligatures, case), for solr.MappingCharFilterFactory.\n");
		out.append("# Generated from ICU4J ").append(VersionInfo.ICU_VERSION)
			.append(" and Lucene's ICUFoldingFilter data by LatinFoldingMapping (catalog tests); do not edit by hand.\n");
		for (int cp = 0x80; cp <= 0xFFFF; cp++) {
			String from = new String(Character.toChars(cp));
			String to = ICUFoldingFilter.NORMALIZER.normalize(from);
			boolean latin = UScript.getScript(cp) == UScript.LATIN;
			boolean accent = UScript.getScript(cp) == UScript.INHERITED
					&& UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK && to.isEmpty();
			if ((latin || accent) && !to.equals(from)) {
				out.append('"').append(escaped(from)).append("\" => \"").append(escaped(to)).append("\"\n");
			}
		}
		return out.toString();
	}

	/** Combining marks written as {@code \\uXXXX}, so the file shows no accent floating over a quote. */
	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		text.codePoints().forEach(cp -> {
			if (UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK || cp == '"' || cp == '\\') {
				out.append(String.format("\\u%04X", cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	public static void main(String[] args) throws Exception {
		Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
	}

}
