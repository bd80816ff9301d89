package org.branchlink.catalog.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configset's accent folding agrees with ICU folding. */
class LatinFoldingMappingTests {

	@Test
	void theConfigsetsMappingFileIsGeneratedFromTheCurrentIcuFolding() throws Exception {
		String committed = Files.readString(LatinFoldingMapping.FILE, StandardCharsets.UTF_8);

		assertThat(committed).as("regenerate with LatinFoldingMapping.main").isEqualTo(LatinFoldingMapping.generate());
		assertThat(committed).contains("\"é\" => \"e\"", "\"ß\" => \"ss\"", "\"ệ\" => \"e\"", "\"ǐ\" => \"i\"",
				"\"Œ\" => \"oe\"", "\"\\u0301\" => \"\"")
			.doesNotContain("\"中\"", "\"ü\" => \"ü\"");
	}

}
