package org.branchlink.catalog.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pinyin syllables, tones and initials of titles. */
class PinyinTests {

	@Test
	void titlesBecomeSyllablesAndInitials() {
		assertThat(Pinyin.syllables("中国历史")).isEqualTo("zhong guo li shi");
		assertThat(Pinyin.initials("中国历史")).isEqualTo("zgls");
		assertThat(Pinyin.syllables("Java编程思想（第4版）")).isEqualTo("java bian cheng si xiang di 4 ban");
		assertThat(Pinyin.initialsAndTails("少年中国历史")).isEqualTo("snzgls nzgls zgls gls ls");
	}

	@Test
	void latinQueriesAreCutIntoSyllables() {
		assertThat(Pinyin.segment("zhongguolishi")).isEqualTo("zhong guo li shi");
		assertThat(Pinyin.segment("zhongguo lishi")).isEqualTo("zhong guo li shi");
		assertThat(Pinyin.segment("ShuFa")).isEqualTo("shu fa");
		assertThat(Pinyin.segment("zgls")).isEmpty();
		assertThat(Pinyin.isLatinQuery("zhongguo lishi")).isTrue();
		assertThat(Pinyin.isLatinQuery("中国")).isFalse();
	}

	@Test
	void toneMarksAreTakenOffAQueryButTheUmlautOfUIsKept() {
		assertThat(Pinyin.isLatinQuery("Zhōngguó lìshǐ")).isTrue();
		assertThat(Pinyin.segment("Zhōngguó lìshǐ")).isEqualTo("zhong guo li shi");
		assertThat(Pinyin.segment("lǚxíng")).isEqualTo("lv xing");
		assertThat(Pinyin.withoutTones("Nǚ'ér")).isEqualTo("Nü'er");
		assertThat(Pinyin.isLatinQuery("légende")).as("accented French is Latin too").isTrue();
	}

}
