package org.branchlink.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Weekly opening hours from OpenStreetMap's {@code opening_hours} in the forms a county writes. */
class OpeningHoursTests {

	@Test
	void theCommonFormsGiveTheirHoursInAnOrdinaryWeek() {
		assertThat(OpeningHours.weeklyHours("Mo-Fr 08:30-17:00").getAsDouble()).isEqualTo(42.5);
		assertThat(OpeningHours.weeklyHours("Tu-Su 09:00-20:30").getAsDouble()).isEqualTo(69);
		assertThat(OpeningHours.weeklyHours("Mo-Fr 08:30-12:00,14:00-17:30; Sa 09:00-12:00").getAsDouble()).isEqualTo(38);
		assertThat(OpeningHours.weeklyHours("24/7").getAsDouble()).isEqualTo(168);
		assertThat(OpeningHours.weeklyHours("Sa-Mo 10:00-12:00").getAsDouble()).as("a range over the week's end").isEqualTo(6);
	}

	@Test
	void aLaterRuleReplacesAnEarlierOneForItsDaysAndHolidaysAreNotAnOrdinaryWeek() {
		assertThat(OpeningHours.weeklyHours("Mo-Su 09:00-17:00; We off").getAsDouble()).isEqualTo(48);
		assertThat(OpeningHours.weeklyHours("Mo-Fr 09:00-17:00; PH off").getAsDouble()).isEqualTo(40);
		assertThat(OpeningHours.weeklyHours("Mo-Fr 18:00-24:00").getAsDouble()).isEqualTo(30);
		assertThat(OpeningHours.weeklyHours("08:00-18:00").getAsDouble()).as("times alone: every day").isEqualTo(70);
		assertThat(OpeningHours.weeklyHours("24/7; PH off").getAsDouble()).isEqualTo(168);
		assertThat(OpeningHours.weeklyHours("08:00-18:00; Su off").getAsDouble()).isEqualTo(60);
	}

	@Test
	void whatItCannotReadIsUnknownNotGuessed() {
		assertThat(OpeningHours.weeklyHours("")).isEmpty();
		assertThat(OpeningHours.weeklyHours(null)).isEmpty();
		assertThat(OpeningHours.weeklyHours("Jan-Mar Mo-Fr 09:00-17:00")).isEmpty();
		assertThat(OpeningHours.weeklyHours("Mo-Fr 9-5")).isEmpty();
		assertThat(OpeningHours.weeklyHours("Mo-Fr 25:00-26:00")).isEmpty();
	}

}
