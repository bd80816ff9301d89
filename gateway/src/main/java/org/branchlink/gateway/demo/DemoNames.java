package org.branchlink.gateway.demo;

import java.util.Random;

/** Made-up Chinese names for the demo's people (troupe members, staff): a common surname and a common given name. */
final class DemoNames {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高" };

	private static final String[] GIVEN = { "秀英", "桂兰", "建国", "红梅", "志强", "丽华", "国庆", "玉珍", "海燕", "春生", "淑芬", "明" };

	private DemoNames() {
	}

	static String person(Random random) {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
	}

}
