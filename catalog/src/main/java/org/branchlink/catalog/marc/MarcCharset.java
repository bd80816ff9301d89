package org.branchlink.catalog.marc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a site's ISO 2709 records are encoded. MARC21 records say so in leader/09 ({@code a} = UTF-8, blank = MARC-8);
 * UNIMARC/CNMARC records do not, so the site's connector names it ({@code GBK} and {@code GB18030} are common in Chinese
 * systems).
 */
public enum MarcCharset {

	/** Follow leader/09 for MARC21; UTF-8 for UNIMARC. */
	AUTO,
	UTF_8,
	MARC_8,
	GBK,
	GB18030;

	public static MarcCharset parse(String name) {
		if (name == null || name.isBlank()) {
			return AUTO;
		}
		String normalized = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return switch (normalized) {
			case "UTF8" -> UTF_8;
			case "MARC8", "ANSEL" -> MARC_8;
			case "GB2312" -> GBK;
			default -> valueOf(normalized);
		};
	}

	Charset javaCharset() {
		return switch (this) {
			case UTF_8, AUTO -> StandardCharsets.UTF_8;
			case GBK -> Charset.forName("GBK");
			case GB18030 -> Charset.forName("GB18030");
			case MARC_8 -> throw new IllegalStateException("MARC-8 is decoded by marc4j");
		};
	}

}
