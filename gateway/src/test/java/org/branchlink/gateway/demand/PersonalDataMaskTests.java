package org.branchlink.gateway.demand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the public board must not show, and that hiding it takes time linear in the text. */
class PersonalDataMaskTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			电话13900001111请回电                       | 13900001111
			电话 139 0000 1111 请回电                   | 0000 1111
			电话１３９００００１１１１请回电              | 1111
			座机0571-88880000                           | 88880000
			身份证号33039819900101123X                  | 19900101123
			身份证号 330398199001011234 谢谢            | 199001011234
			邮箱 li.si+x@example.com.cn                  | example
			邮箱 li.si＠example.com                      | example
			加我微信 abc_def123 聊                      | abc_def123
			微信号：wx_7788abc                          | wx_7788abc
			vx:lisi2026                                 | lisi2026
			QQ 12345678                                 | 12345678
			我家住在白石镇幸福村3组12号，路灯坏了        | 幸福村3组12号
			地址：文化路88号2栋301室                     | 文化路88号
			我叫王小明，想学书法                         | 王小明
			联系人：赵六                                 | 赵六
			请张先生回个电话                             | 张先生
			""")
	void hides(String text, String hidden) {
		String masked = PersonalDataMask.mask(text, null);
		assertThat(masked).doesNotContain(hidden.strip()).contains(PersonalDataMask.MASK);
	}

	@Test
	void keepsWhatIsNotPersonal() {
		String text = "希望周末开放到晚上8点，增加2025年新书，请一位书法老师来上课";
		assertThat(PersonalDataMask.mask(text, null)).isEqualTo(text);
	}

	@Test
	void hidesTheNameTheResidentGaveWhereverItAppears() {
		assertThat(PersonalDataMask.mask("李桂兰希望开设老年大学，李桂兰谢谢", "李桂兰")).doesNotContain("李桂兰");
	}

	@Test
	@Timeout(5)
	void longHostileTextsTakeLinearTime() {
		// each used to make the old patterns backtrack: quadratic or worse in the length
		String[] attacks = { "1 ".repeat(500_000) + "a", "a".repeat(1_000_000) + "@", "@a".repeat(500_000),
				"微信".repeat(300_000), "1号".repeat(300_000), "我叫".repeat(300_000), "a.".repeat(500_000) + "@b" };
		for (String attack : attacks) {
			assertThat(PersonalDataMask.mask(attack, "某某")).isNotNull();
		}
	}

}
