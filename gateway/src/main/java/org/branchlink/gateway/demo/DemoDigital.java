package org.branchlink.gateway.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.branchlink.catalog.CatalogIngest;
import org.branchlink.catalog.IngestMode;
import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.gateway.digital.DigitalResources;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo county's digital resources: the library's e-books (with a card) and a journal database (in the library),
 * the culture hall's online courses and its intangible heritage videos (open to all), a township's recorded opera;
 * and a few of the library's e-books in the catalogue, each with its 856 link, found with the printed books.
 */
@Component
@Profile("demo")
class DemoDigital {

	private static final String[][] EBOOKS = { { "eb-0001", "数字阅读与公共图书馆", "王晓明", "2023" },
			{ "eb-0002", "乡村文化振兴读本（电子版）", "李春生", "2022" }, { "eb-0003", "非物质文化遗产保护实务", "陈红梅", "2021" } };

	private final DigitalResources resources;

	private final CatalogIngest catalog;

	DemoDigital(DigitalResources resources, CatalogIngest catalog) {
		this.resources = resources;
		this.catalog = catalog;
	}

	/** Once: nothing is written when a site lists resources already. */
	void listOnce() {
		if (!resources.listed().isEmpty()) {
			return;
		}
		add("central-library", "青溪县图书馆电子书", "ebooks", "https://ebooks.example.org/qingxi", "十万种中文电子图书，手机和电脑均可阅读。", "card");
		add("central-library", "中文期刊数据库", "database", "https://journals.example.org/qingxi", "学术期刊全文，限馆内网络使用。", "onsite");
		add("culture-hall", "青溪文化馆线上课堂", "course", "https://live.example.org/qingxi/courses", "书法、舞蹈、声乐录播课程。", "open");
		add("culture-hall", "青溪非遗影像库", "video", "https://video.example.org/qingxi/heritage", "县级以上非物质文化遗产项目的影像记录。", "open");
		add("baishi", "白石越剧老唱段", "audio", "https://audio.example.org/baishi/yueju", "本镇越剧社录制的传统唱段。", "open");
		ebooks();
	}

	/** The library's e-books, pushed as MARCXML as its system would: MARC21 with an 856 on the web, no copies. */
	private void ebooks() {
		MarcFactory marc = MarcFactory.newInstance();
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		MarcXmlWriter writer = new MarcXmlWriter(xml, "UTF-8");
		for (String[] e : EBOOKS) {
			Record record = marc.newRecord("00000nmm a2200000 a 4500");
			record.addVariableField(marc.newControlField("001", e[0]));
			record.addVariableField(marc.newControlField("008", "240101s" + e[3] + "    cc     o      000 0 chi d"));
			record.addVariableField(field(marc, "100", '1', ' ', 'a', e[2]));
			record.addVariableField(field(marc, "245", '1', '0', 'a', e[1]));
			record.addVariableField(field(marc, "856", '4', '0', 'u', "https://ebooks.example.org/qingxi/" + e[0]));
			writer.write(record);
		}
		writer.close();
		catalog.ingestMarc("central-library", "demo e-books", new ByteArrayInputStream(xml.toByteArray()), MarcCharset.UTF_8,
				IngestMode.INCREMENTAL);
	}

	private static DataField field(MarcFactory marc, String tag, char ind1, char ind2, char code, String value) {
		DataField field = marc.newDataField(tag, ind1, ind2);
		field.addSubfield(marc.newSubfield(code, value));
		return field;
	}

	private void add(String site, String name, String kind, String url, String description, String access) {
		resources.add(new DigitalResources.Request(site, name, kind, url, description, access), "demo");
	}

}
