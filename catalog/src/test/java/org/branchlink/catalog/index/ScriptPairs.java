package org.branchlink.catalog.index;

import java.util.List;

/**
 * Common words and phrases of library titles in simplified and in traditional characters, for tests that expect both
 * scripts to find the same. 甚麼 → 什么 is one of ICU's phrase rules, where folding character by character would give
 * 甚么; 其餘 and 頭髮 have phrase rules too.
 */
public final class ScriptPairs {

	/** One word written both ways. */
	public record Pair(String simplified, String traditional) {
	}

	public static final List<Pair> ALL = List.of(new Pair("图书馆", "圖書館"), new Pair("中国历史", "中國歷史"),
			new Pair("红楼梦", "紅樓夢"), new Pair("传统文化", "傳統文化"), new Pair("书法", "書法"),
			new Pair("儿童读物", "兒童讀物"), new Pair("历史", "歷史"), new Pair("艺术", "藝術"), new Pair("国画", "國畫"),
			new Pair("电子商务", "電子商務"), new Pair("计算机基础", "計算機基礎"), new Pair("乡村振兴", "鄉村振興"),
			new Pair("环境保护", "環境保護"), new Pair("法律常识", "法律常識"), new Pair("心理学", "心理學"),
			new Pair("家庭医学", "家庭醫學"), new Pair("中医养生", "中醫養生"), new Pair("茶叶种植", "茶葉種植"),
			new Pair("果树修剪", "果樹修剪"), new Pair("生猪养殖", "生豬養殖"), new Pair("科幻小说", "科幻小說"),
			new Pair("唐诗宋词", "唐詩宋詞"), new Pair("戏曲", "戲曲"), new Pair("摄影", "攝影"), new Pair("围棋", "圍棋"),
			new Pair("烹饪", "烹飪"), new Pair("旅游", "旅遊"), new Pair("音乐", "音樂"), new Pair("数学", "數學"),
			new Pair("简史", "簡史"), new Pair("实用手册", "實用手冊"), new Pair("汉语词典", "漢語詞典"),
			new Pair("经济学", "經濟學"), new Pair("农业技术", "農業技術"), new Pair("后来", "後來"),
			new Pair("台湾", "臺灣"), new Pair("什么", "甚麼"), new Pair("其余", "其餘"), new Pair("干燥", "乾燥"),
			new Pair("头发", "頭髮"));

	private ScriptPairs() {
	}

}
