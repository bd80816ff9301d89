package org.branchlink.catalog.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.ibm.icu.text.Transliterator;

/**
 * Writes {@code lang/mapping-traditional-simplified.txt} of the configset: every CJK ideograph that ICU's
 * Traditional-Simplified transform turns into one other character, as a {@code MappingCharFilter} rule. Folding before
 * tokenizing lets smartcn segment traditional text as the simplified words it knows (after tokenizing, it has already
 * cut unknown traditional text into single characters). Run {@code main} to regenerate after an ICU upgrade;
 * {@link TraditionalSimplifiedMappingTests} checks the file is current.
 */
final class TraditionalSimplifiedMapping {

	static final Path FILE = Path.of("../deploy/solr/configsets/catalog/conf/lang/mapping-traditional-simplified.txt");

	private static final int[][] RANGES = { { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xF900, 0xFAFF } };

	private TraditionalSimplifiedMapping() {
	}

	static String generate() {
		Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
		StringBuilder out = new StringBuilder();
		out.append("# Traditional → simplified Chinese, one character each, for solr.MappingCharFilterFactory.\n");
		out.append("# Generated from ICU4J ").append(com.ibm.icu.util.VersionInfo.ICU_VERSION)
			.append(" Traditional-Simplified by TraditionalSimplifiedMapping (catalog tests); do not edit by hand.\n");
		for (int[] range : RANGES) {
			for (int cp = range[0]; cp <= range[1]; cp++) {
				String from = new String(Character.toChars(cp));
				String to = toSimplified.transliterate(from);
				if (!to.equals(from) && to.codePointCount(0, to.length()) == 1) {
					out.append('"').append(from).append("\" => \"").append(to).append("\"\n");
				}
			}
		}
		return out.toString();
	}

	public static void main(String[] args) throws Exception {
		Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
	}

}
