package org.branchlink.catalog.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configset's traditional-to-simplified mapping agrees with ICU's transform. */
class TraditionalSimplifiedMappingTests {

	@Test
	void theConfigsetsMappingFileIsGeneratedFromTheCurrentIcu() throws Exception {
		String committed = Files.readString(TraditionalSimplifiedMapping.FILE, StandardCharsets.UTF_8);

		assertThat(committed).as("regenerate with TraditionalSimplifiedMapping.main")
			.isEqualTo(TraditionalSimplifiedMapping.generate());
		assertThat(committed).contains("\"鎮\" => \"镇\"", "\"圖\" => \"图\"", "\"書\" => \"书\"", "\"館\" => \"馆\"");
		assertThat(committed).as("ICU's phrase rules too").contains("\"甚麼\" => \"什么\"", "\"乾坤\" => \"乾坤\"",
				"\"其餘\" => \"其余\"");
	}

}
