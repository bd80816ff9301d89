package org.branchlink.gateway.reader;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese resident ID numbers checked (check digit, birth date). */
class IdNumberTests {

	@Test
	void theStandardsExampleIsValidAndAWrongCheckCharacterIsNot() {
		assertThat(IdNumber.normalize("11010519491231002x")).contains("11010519491231002X");
		assertThat(IdNumber.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
		assertThat(IdNumber.normalize("110105194912310021")).isEmpty();
		assertThat(IdNumber.normalize("11010519491331002X")).as("13th month").isEmpty();
		assertThat(IdNumber.normalize("1101051949")).isEmpty();
	}

}
