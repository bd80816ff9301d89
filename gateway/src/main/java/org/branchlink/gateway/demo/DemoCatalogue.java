package org.branchlink.gateway.demo;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.branchlink.site.Site;
import org.branchlink.site.SiteKind;
import org.branchlink.site.SiteRegistry;
import org.marc4j.MarcStreamWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

/**
 * Generates a deterministic demo catalogue: editions with Chinese and English titles, names, publishers, years, CLC
 * classes and valid ISBNs (some without), each held by one to four sites, written as the ISO 2709 files those sites
 * would export — CNMARC (UNIMARC) from most, MARC21 from a few, in GBK where the site's connector says so — so the
 * demo runs the same ingest as a real county.
 */
public final class DemoCatalogue {

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "林", "罗", "高" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
			"涛", "明", "超", "秀英", "华", "建国", "志强", "晓东", "海燕", "春梅" };

	private static final String[][] TOPICS = { { "中国历史", "K2" }, { "地方志", "K29" }, { "书法", "J292" },
			{ "国画", "J212" }, { "唐诗", "I222" }, { "宋词", "I222" }, { "红楼梦", "I242" }, { "儿童故事", "I287" },
			{ "科幻小说", "I247" }, { "散文", "I266" }, { "水稻栽培", "S511" }, { "茶叶种植", "S571" }, { "生猪养殖", "S828" },
			{ "果树修剪", "S66" }, { "家庭医学", "R4" }, { "中医养生", "R212" }, { "计算机基础", "TP3" }, { "电子商务", "F713" },
			{ "乡村振兴", "F32" }, { "法律常识", "D92" }, { "心理学", "B84" }, { "数学", "O1" }, { "天文", "P1" },
			{ "环境保护", "X" }, { "烹饪", "TS97" }, { "旅游", "K92" }, { "音乐", "J6" }, { "戏曲", "J8" }, { "摄影", "J4" },
			{ "围棋", "G89" } };

	private static final String[] SHAPES = { "%s入门", "%s简史", "%s教程", "%s百问", "%s精选", "图说%s", "%s实用手册",
			"%s与生活", "少年%s", "%s新编", "走进%s", "%s十讲", "%s的故事", "%s研究", "%s概论" };

	/** What tells one book on a topic from another of the same shape (most have none). */
	private static final String[] VARIANTS = { "", "", "", "", "（插图本）", "（农家书屋版）", "：从入门到精通", "（少儿版）",
			"三百问", "（修订本）", "（图文版）", "：案例与实践", "（大字本）", "（乡土读本）" };

	private static final String[] ENGLISH_VARIANTS = { "", "", ": An Introduction", " (Illustrated)", ": A Short Guide" };

	private static final String[] PUBLISHERS = { "人民出版社", "中华书局", "商务印书馆", "人民文学出版社", "科学出版社",
			"中国农业出版社", "浙江人民出版社", "浙江少年儿童出版社", "上海古籍出版社", "人民卫生出版社", "机械工业出版社",
			"北京大学出版社" };

	/** English titles, each with its class and its one author: a title is not written by eight people. */
	private static final String[][] ENGLISH = { { "A History of China", "K2", "Wang, Helen" },
			{ "Calligraphy for Beginners", "J292", "Chen, Joyce" }, { "Rice Farming Today", "S511", "Brown, Mary" },
			{ "Tea: A Global History", "S571", "Taylor, James" },
			{ "Chinese Poetry in Translation", "I222", "Smith, John" },
			{ "Introduction to Computing", "TP3", "Smith, John" }, { "Family Health Guide", "R4", "Brown, Mary" },
			{ "Stories for Children", "I287", "Taylor, James" }, { "The Three-Body Problem", "I247", "Liu, Cixin" },
			{ "Village Economics", "F32", "Wang, Helen" } };

	private final Random random = new Random(DemoCounty.SEED);

	private final MarcFactory factory = MarcFactory.newInstance();

	private int barcode = 100_000;

	/**
	 * The demo county's sites that hold books, with their share: the central library most, then township stations and
	 * bookmobiles, then reading rooms; bookmobiles and city study rooms export MARC21, the others CNMARC, in GBK where
	 * the site's connector says so.
	 */
	public static List<Holder> holders(SiteRegistry registry) {
		List<Holder> holders = new ArrayList<>();
		for (Site site : registry.sites()) {
			int weight = switch (site.kind()) {
				case CENTRAL_LIBRARY -> 40;
				case TOWNSHIP_STATION, BOOKMOBILE -> 4;
				case CITY_STUDY_ROOM, COMMUNITY_READING_ROOM, FARMERS_READING_ROOM -> 2;
				default -> 0;
			};
			if (weight > 0) {
				boolean marc21 = site.kind() == SiteKind.BOOKMOBILE
						|| site.kind() == SiteKind.CITY_STUDY_ROOM;
				Charset charset = "GBK".equalsIgnoreCase(site.connector().parameters().get("charset"))
						? Charset.forName("GBK") : StandardCharsets.UTF_8;
				holders.add(new Holder(site.id(), marc21, charset, weight));
			}
		}
		return holders;
	}

	/** A site of the demo county that holds a catalogue, and how it exports. */
	public record Holder(String siteId, boolean marc21, Charset charset, int weight) {
	}

	/**
	 * @param holders the sites that hold books, with their share of the catalogue
	 * @param records how many site records to generate in all (about; editions are spread over one to four sites)
	 * @return ISO 2709 bytes per site, in holder order
	 */
	public static Map<String, byte[]> generate(List<Holder> holders, int records) {
		return new DemoCatalogue().files(holders, records);
	}

	/**
	 * Writes the catalogue as one ISO 2709 file per holding site into a folder, streaming, for sizes that do not fit
	 * in memory (the benchmark's million records).
	 * @return the files written, by site
	 */
	public static Map<String, Path> write(List<Holder> holders, int records, Path folder)
			throws IOException {
		return new DemoCatalogue().writeFiles(holders, records, folder);
	}

	private Map<String, Path> writeFiles(List<Holder> holders, int target, Path folder)
			throws IOException {
		Files.createDirectories(folder);
		Map<String, Path> paths = new LinkedHashMap<>();
		Map<String, MarcStreamWriter> writers = new LinkedHashMap<>();
		Map<String, OutputStream> streams = new LinkedHashMap<>();
		for (Holder holder : holders) {
			Path path = folder.resolve(holder.siteId() + ".mrc");
			OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
			paths.put(holder.siteId(), path);
			streams.put(holder.siteId(), out);
			writers.put(holder.siteId(), new MarcStreamWriter(out, holder.charset().name(), true));
		}
		int totalWeight = holders.stream().mapToInt(Holder::weight).sum();
		int made = 0;
		for (int edition = 0; made < target; edition++) {
			Edition e = edition(edition);
			for (Holder holder : holders(holders, totalWeight)) {
				writers.get(holder.siteId()).write(holder.marc21() ? marc21(e, holder) : unimarc(e, holder));
				made++;
			}
		}
		writers.values().forEach(MarcStreamWriter::close);
		return paths;
	}

	private List<Holder> holders(List<Holder> holders, int totalWeight) {
		int copies = 1 + (random.nextDouble() < 0.55 ? random.nextInt(4) : 0);
		List<Holder> chosen = new ArrayList<>();
		while (chosen.size() < Math.min(copies, holders.size())) {
			Holder holder = pick(holders, totalWeight);
			if (!chosen.contains(holder)) {
				chosen.add(holder);
			}
		}
		return chosen;
	}

	private Map<String, byte[]> files(List<Holder> holders, int target) {
		Map<String, List<Record>> bySite = new LinkedHashMap<>();
		holders.forEach(holder -> bySite.put(holder.siteId(), new ArrayList<>()));
		int totalWeight = holders.stream().mapToInt(Holder::weight).sum();
		int made = 0;
		for (int edition = 0; made < target; edition++) {
			Edition e = edition(edition);
			for (Holder holder : holders(holders, totalWeight)) {
				bySite.get(holder.siteId()).add(holder.marc21() ? marc21(e, holder) : unimarc(e, holder));
				made++;
			}
		}
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (Holder holder : holders) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MarcStreamWriter writer = new MarcStreamWriter(out, holder.charset().name(), true);
			bySite.get(holder.siteId()).forEach(writer::write);
			writer.close();
			files.put(holder.siteId(), out.toByteArray());
		}
		return files;
	}

	private record Edition(int number, String title, String author, String publisher, int year, String clc,
			String isbn, String language, char type) {
	}

	/**
	 * The edition with this number: editions come two or three to a title (numbers 0–2 are title 0, 3–4 title 1,
	 * 5–7 title 2, …). A title has its own author, publisher and class in every edition; a later edition is a few
	 * years younger and says which it is.
	 */
	private Edition edition(int number) {
		int titleNumber = number * 2 / 5;
		int edition = number - (titleNumber * 5 + 1) / 2;
		Random book = new Random(DemoCounty.SEED * 31 + titleNumber);
		int year = 1980 + book.nextInt(40) + edition * (2 + book.nextInt(4));
		String isbn = random.nextDouble() < 0.88 ? isbn(number) : "";
		char type = random.nextDouble() < 0.93 ? 'a' : random.nextBoolean() ? 'g' : 'j';
		if (book.nextDouble() < 0.04) {
			String[] title = ENGLISH[book.nextInt(ENGLISH.length)];
			String variant = ENGLISH_VARIANTS[book.nextInt(ENGLISH_VARIANTS.length)];
			String suffix = edition == 0 ? "" : " (" + (edition + 1) + (edition == 1 ? "nd" : "rd") + " edition)";
			return new Edition(number, title[0] + variant + suffix, title[2], "Foreign Languages Press", year, title[1],
					isbn, "eng", type);
		}
		String[] topic = TOPICS[book.nextInt(TOPICS.length)];
		String title = String.format(SHAPES[book.nextInt(SHAPES.length)], topic[0]) + VARIANTS[book.nextInt(VARIANTS.length)];
		String author = SURNAMES[book.nextInt(SURNAMES.length)] + GIVEN[book.nextInt(GIVEN.length)];
		String publisher = PUBLISHERS[book.nextInt(PUBLISHERS.length)];
		String clc = topic[1] + (book.nextInt(9) + 1);
		if (edition > 0) {
			title = title + "（第" + (edition + 1) + "版）";
		}
		return new Edition(number, title, author, publisher, year, clc, isbn, "chi", type);
	}

	private Record unimarc(Edition e, Holder holder) {
		Record record = factory.newRecord("00000n" + e.type() + "m0 22000003  450 ");
		record.addVariableField(factory.newControlField("001", holder.siteId() + "-" + e.number()));
		record.addVariableField(factory.newControlField("005", e.year() + "0101000000.0"));
		if (!e.isbn().isEmpty()) {
			record.addVariableField(field("010", 'a', e.isbn(), 'd', "CNY" + (20 + e.number() % 80) + ".00"));
		}
		record.addVariableField(field("100", 'a', "20240101d" + e.year() + "    em y0chiy50      ea"));
		record.addVariableField(field("101", 'a', e.language()));
		record.addVariableField(field("200", 'a', e.title(), 'f', e.author() + "著"));
		record.addVariableField(field("210", 'a', "北京", 'c', e.publisher(), 'd', String.valueOf(e.year())));
		record.addVariableField(field("690", 'a', e.clc(), 'v', "5"));
		record.addVariableField(field("701", 'a', e.author()));
		for (Object[] item : items(e, holder)) {
			record.addVariableField(field("905", 'a', holder.siteId(), 'b', (String) item[0], 'c', "中文图书", 'd', e.clc(),
					'e', String.valueOf(e.number() % 997)));
		}
		return record;
	}

	private Record marc21(Edition e, Holder holder) {
		Record record = factory.newRecord("00000n" + e.type() + "m a22000007a 4500");
		record.addVariableField(factory.newControlField("001", holder.siteId() + "-" + e.number()));
		record.addVariableField(factory.newControlField("005", e.year() + "0101000000.0"));
		record.addVariableField(factory.newControlField("008", "240101s" + e.year() + "    cc            000 0 " + e.language() + " d"));
		if (!e.isbn().isEmpty()) {
			record.addVariableField(field("020", 'a', e.isbn()));
		}
		record.addVariableField(field("084", 'a', e.clc(), '2', "clc"));
		record.addVariableField(field("100", 'a', e.author()));
		record.addVariableField(field("245", 'a', e.title()));
		record.addVariableField(field("260", 'a', "北京", 'b', e.publisher(), 'c', String.valueOf(e.year())));
		for (Object[] item : items(e, holder)) {
			record.addVariableField(field("852", 'b', holder.siteId(), 'h', e.clc(), 'i', String.valueOf(e.number() % 997),
					'p', (String) item[0]));
		}
		return record;
	}

	/** Each item's barcode: one copy, sometimes two. Circulation status arrives with lending, not with records. */
	private List<Object[]> items(Edition e, Holder holder) {
		List<Object[]> items = new ArrayList<>();
		int count = 1 + (random.nextDouble() < 0.25 ? 1 : 0);
		for (int i = 0; i < count; i++) {
			items.add(new Object[] { "QX" + (barcode++) });
		}
		return items;
	}

	private DataField field(String tag, Object... codesAndValues) {
		DataField field = factory.newDataField(tag, ' ', ' ');
		for (int i = 0; i < codesAndValues.length; i += 2) {
			field.addSubfield(factory.newSubfield((Character) codesAndValues[i], (String) codesAndValues[i + 1]));
		}
		return field;
	}

	private Holder pick(List<Holder> holders, int totalWeight) {
		int draw = random.nextInt(totalWeight);
		for (Holder holder : holders) {
			draw -= holder.weight();
			if (draw < 0) {
				return holder;
			}
		}
		return holders.get(holders.size() - 1);
	}

	/** A valid ISBN-13 in the Chinese 978-7 range, unique per edition. */
	private static String isbn(int number) {
		String body = "9787" + String.format("%08d", 10_000_000 + number * 7 % 89_999_999);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return body + (10 - sum % 10) % 10;
	}

}
