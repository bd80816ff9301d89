package org.branchlink.catalog.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.VersionInfo;

/**
 * Writes {@code lang/mapping-traditional-simplified.txt} of the configset: every rule of ICU's Traditional-Simplified
 * transform, the phrases (乾坤 stays 乾坤, 甚麼 becomes 什么, 其餘 becomes 其余) as well as the single characters, as
 * {@code MappingCharFilter} rules. The char filter takes the longest rule at each position and ICU the first in rule
 * order, which ICU requires to be the longest (a shorter rule listed first would mask it), so the folding is ICU's
 * own, the same as {@code WorkKey}'s. Folding before tokenizing lets smartcn segment traditional text as the simplified
 * words it knows (after tokenizing, it has already cut unknown traditional text into single characters). Run
 * {@code main} to regenerate after an ICU upgrade; {@link TraditionalSimplifiedMappingTests} checks the file is
 * current.
 */
final class TraditionalSimplifiedMapping {

	static final Path FILE = Path.of("../deploy/solr/configsets/catalog/conf/lang/mapping-traditional-simplified.txt");

	private TraditionalSimplifiedMapping() {
	}

	static String generate() {
		StringBuilder out = new StringBuilder();
		out.append("# Traditional → simplified Chinese, phrases and single characters, for solr.MappingCharFilterFactory.\n");
		out.append("# Generated from the rules of ICU4J ").append(VersionInfo.ICU_VERSION)
			.append(" Traditional-Simplified by TraditionalSimplifiedMapping (catalog tests); do not edit by hand.\n");
		String rules = Transliterator.getInstance("Traditional-Simplified").toRules(false);
		for (String line : rules.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			if (!line.matches("[^\\s;>\"'\\\\]+ > [^\\s;>\"'\\\\]+;")) {
				throw new IllegalStateException("not a plain 'from > to;' rule, cannot be a char mapping: " + line);
			}
			String from = line.substring(0, line.indexOf(" > "));
			String to = line.substring(line.indexOf(" > ") + 3, line.length() - 1);
			if (from.codePointCount(0, from.length()) > 1 || !from.equals(to)) {
				out.append('"').append(from).append("\" => \"").append(to).append("\"\n");
			}
		}
		return out.toString();
	}

	public static void main(String[] args) throws Exception {
		Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
	}

}
