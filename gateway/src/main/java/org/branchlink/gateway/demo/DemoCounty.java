package org.branchlink.gateway.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the demo county, 青溪县 (Qingxi County, fictitious, area code 330398), as a registry file: a central library
 * and a culture hall, 15 townships (3 subdistricts, 9 towns, 3 townships), 150 village and community centres, 10
 * reading rooms and 3 mobile units, with Chinese and English names, plausible coordinates in southern Zhejiang and
 * valid statistical area codes. The same seed always gives the same text.
 */
public final class DemoCounty {

	public static final long SEED = 20261123L;

	static final String COUNTY = "330398";

	private static final double CENTRE_LAT = 27.55, CENTRE_LON = 120.05;

	private record Name(String zh, String en) {
	}

	private record Village(String id, Name name, String areaCode, double[] at) {
	}

	private static final Name[] SUBDISTRICTS = { new Name("城东", "Chengdong"), new Name("城西", "Chengxi"),
			new Name("城北", "Chengbei") };

	private static final Name[] TOWNS = { new Name("白石", "Baishi"), new Name("龙湖", "Longhu"), new Name("桐溪", "Tongxi"),
			new Name("大岙", "Da'ao"), new Name("仙岩", "Xianyan"), new Name("枫林", "Fenglin"), new Name("石门", "Shimen"),
			new Name("黄坦", "Huangtan"), new Name("云岭", "Yunling") };

	private static final Name[] TOWNSHIPS = { new Name("高山", "Gaoshan"), new Name("双溪", "Shuangxi"),
			new Name("竹坑", "Zhukeng") };

	private static final Name[] COMMUNITIES = { new Name("阳光", "Yangguang"), new Name("和平", "Heping"),
			new Name("文化", "Wenhua"), new Name("人民", "Renmin"), new Name("解放", "Jiefang"), new Name("新华", "Xinhua"),
			new Name("锦绣", "Jinxiu"), new Name("春晖", "Chunhui"), new Name("滨江", "Binjiang"), new Name("翠苑", "Cuiyuan"),
			new Name("桂花", "Guihua"), new Name("朝阳", "Chaoyang"), new Name("南门", "Nanmen"), new Name("府前", "Fuqian"),
			new Name("望江", "Wangjiang"), new Name("学府", "Xuefu"), new Name("长春", "Changchun"), new Name("振兴", "Zhenxing") };

	private static final Name[] VILLAGE_HEADS = { new Name("上", "Shang"), new Name("下", "Xia"), new Name("东", "Dong"),
			new Name("西", "Xi"), new Name("南", "Nan"), new Name("北", "Bei"), new Name("大", "Da"), new Name("小", "Xiao"),
			new Name("新", "Xin"), new Name("前", "Qian"), new Name("后", "Hou"), new Name("中", "Zhong"),
			new Name("高", "Gao"), new Name("林", "Lin"), new Name("陈", "Chen"), new Name("周", "Zhou") };

	private static final Name[] VILLAGE_TAILS = { new Name("塘", "tang"), new Name("坑", "keng"), new Name("岙", "ao"),
			new Name("桥", "qiao"), new Name("湾", "wan"), new Name("垟", "yang"), new Name("岭", "ling"),
			new Name("溪", "xi"), new Name("山", "shan"), new Name("田", "tian"), new Name("埠", "bu"),
			new Name("头", "tou") };

	static final int COMMUNITIES_PER_SUBDISTRICT = 6;

	static final int VILLAGES_PER_TOWN = 11;

	private final Random random = new Random(SEED);

	private final StringBuilder yaml = new StringBuilder();

	private final List<Name> villageNames = new ArrayList<>();

	private DemoCounty() {
		for (Name head : VILLAGE_HEADS) {
			for (Name tail : VILLAGE_TAILS) {
				villageNames.add(new Name(head.zh() + tail.zh(), head.en() + tail.en()));
			}
		}
		Collections.shuffle(villageNames, random);
	}

	/** The demo county's registry file. */
	public static String registryYaml() {
		return new DemoCounty().generate();
	}

	/** The id of the township station the demo librarian works for. */
	public static String demoLibrarianSite() {
		return "baishi";
	}

	private String generate() {
		yaml.append("# 青溪县 (Qingxi County): BranchLink's generated demo county. Fictitious; seed ").append(SEED).append(".\n");
		yaml.append("federation:\n  id: qingxi\n");
		yaml.append("  name: {zh: 青溪县公共文化服务总分馆体系, en: Qingxi County Library and Culture Federation}\n");
		yaml.append("  area-code: \"").append(COUNTY).append("000000\"\n");
		yaml.append("sites:\n");
		double[] hq = { CENTRE_LAT, CENTRE_LON };
		site("central-library", "central_library", "青溪县图书馆", "Qingxi County Library", "library", null,
				COUNTY + "001000", "城东街道文化路18号", hq, "Tu-Su 09:00-20:30",
				"{kind: marc-file, folder: drop/central-library}");
		site("culture-hall", "central_culture_center", "青溪县文化馆", "Qingxi County Culture Hall", "culture_center", null,
				COUNTY + "001000", "城东街道文化路20号", offset(hq, 0.2, 90), "Tu-Su 09:00-21:00",
				"{kind: none, calendar-url: " + DemoEvents.FEED + "}");
		List<Village> villages = new ArrayList<>();
		List<String> communityIds = new ArrayList<>();
		int township = 0;
		for (int i = 0; i < SUBDISTRICTS.length; i++, township++) {
			String id = slug(SUBDISTRICTS[i].en());
			String code = COUNTY + String.format(Locale.ROOT, "%03d", i + 1);
			double[] at = offset(hq, 1.5 + random.nextDouble() * 2, i * 120 + random.nextDouble() * 30);
			station(id, SUBDISTRICTS[i], "街道", "Subdistrict", code, at);
			for (int c = 0; c < COMMUNITIES_PER_SUBDISTRICT; c++) {
				Name name = COMMUNITIES[i * COMMUNITIES_PER_SUBDISTRICT + c];
				String centreId = id + "-" + slug(name.en());
				communityIds.add(centreId);
				site(centreId, "community_center", SUBDISTRICTS[i].zh() + "街道" + name.zh() + "社区综合文化服务中心",
						name.en() + " Community Centre, " + SUBDISTRICTS[i].en(), "library, culture_center", id,
						code + String.format(Locale.ROOT, "%03d", c + 1), name.zh() + "社区文体中心",
						offset(at, 0.4 + random.nextDouble() * 1.2, random.nextDouble() * 360), "Mo-Su 08:30-20:30",
						null);
			}
		}
		int villageName = 0;
		Name[][] groups = { TOWNS, TOWNSHIPS };
		String[][] words = { { "镇", "Town", "1" }, { "乡", "Township", "2" } };
		for (int g = 0; g < groups.length; g++) {
			for (int i = 0; i < groups[g].length; i++, township++) {
				Name town = groups[g][i];
				String id = slug(town.en());
				String code = COUNTY + words[g][2] + String.format(Locale.ROOT, "%02d", i + 1);
				double[] at = offset(hq, 8 + random.nextDouble() * 22, township * (360.0 / 15) + random.nextDouble() * 10);
				station(id, town, words[g][0], words[g][1], code, at);
				for (int v = 0; v < VILLAGES_PER_TOWN; v++) {
					Name name = villageNames.get(villageName++);
					String villageId = id + "-" + slug(name.en());
					Village village = new Village(villageId, name, code + String.format(Locale.ROOT, "%03d", 201 + v),
							offset(at, 1 + random.nextDouble() * 5, random.nextDouble() * 360));
					villages.add(village);
					site(villageId, "village_center", town.zh() + words[g][0] + name.zh() + "村综合文化服务中心",
							name.en() + " Village Centre, " + town.en(), "library, culture_center", id,
							village.areaCode(), name.zh() + "村村委会旁", village.at(), VILLAGE_HOURS[v % VILLAGE_HOURS.length], null);
				}
			}
		}
		readingRooms(hq, villages, communityIds);
		site("bookmobile-1", "bookmobile", "流动图书车一号", "Bookmobile 1", "library", "central-library", COUNTY + "001000",
				"", hq, "", null);
		site("bookmobile-2", "bookmobile", "流动图书车二号", "Bookmobile 2", "library", "central-library", COUNTY + "001000",
				"", hq, "", null);
		site("culture-truck-1", "culture_truck", "流动文化车", "Culture Truck", "culture_center", "culture-hall",
				COUNTY + "001000", "", offset(hq, 0.2, 90), "", null);
		// 送戏下乡: the culture hall's troupe performs in the villages (its own plan, branchlink.schedule.units in the demo)
		site("touring-troupe-1", "touring_troupe", "文化馆送戏下乡小分队", "Culture Hall Touring Troupe", "culture_center",
				"culture-hall", COUNTY + "001000", "", offset(hq, 0.2, 90), "", null);
		return yaml.toString();
	}

	private void readingRooms(double[] hq, List<Village> villages, List<String> communityIds) {
		String[][] studyRooms = { { "wenhua", "文化路", "Wenhua Road" }, { "binjiang", "滨江", "Binjiang" },
				{ "xinhua", "新华", "Xinhua" }, { "gongyuan", "公园", "Park" } };
		for (String[] room : studyRooms) {
			site("study-room-" + room[0], "city_study_room", room[1] + "城市书房", room[2] + " City Study Room", "library",
					"central-library", COUNTY + "001000", room[1] + "城市书房", offset(hq, 0.5 + random.nextDouble() * 2.5,
							random.nextDouble() * 360), "Mo-Su 00:00-24:00", "{kind: rest-push}");
		}
		String community = communityIds.get(1);
		site(community + "-reading-room", "community_reading_room", "和平百姓书房", "Heping Community Reading Room",
				"library", community, COUNTY + "001002", "和平社区文体中心二楼", offset(hq, 2, 45), "Tu-Su 09:00-21:00",
				"{kind: spreadsheet, folder: drop/heping-reading-room}");
		for (int i = 0; i < 5; i++) {
			Village village = villages.get(i * VILLAGES_PER_TOWN * 2 + 3);
			site(village.id() + "-books", "farmers_reading_room", village.name().zh() + "村农家书屋",
					village.name().en() + " Farmers' Reading Room", "library", village.id(), village.areaCode(),
					village.name().zh() + "村文化礼堂一楼", offset(village.at(), 0.05, 30), "Mo-Su 08:00-20:00",
					"{kind: spreadsheet, folder: drop/" + village.id() + "}");
		}
	}

	private void station(String id, Name name, String word, String english, String code, double[] at) {
		String connector = switch (Math.floorMod(id.hashCode(), 3)) {
			case 0 -> "{kind: marc-file, folder: drop/" + id + ", charset: GBK}";
			case 1 -> "{kind: spreadsheet, folder: drop/" + id + "}";
			default -> null;
		};
		site(id, "township_station", name.zh() + word + "综合文化站", name.en() + " " + english + " Culture Station",
				"library, culture_center", "central-library", code + "000", name.zh() + word + "人民路1号", at,
				"Mo-Fr 08:30-17:00; Sa 09:00-16:00", connector);
	}

	private void site(String id, String kind, String zh, String en, String lines, String parent, String areaCode,
			String address, double[] at, String hours, String connector) {
		yaml.append("  - id: ").append(id).append('\n');
		yaml.append("    kind: ").append(kind).append('\n');
		yaml.append("    name: {zh: ").append(zh).append(", en: \"").append(en).append("\"}\n");
		yaml.append("    service-lines: [").append(lines).append("]\n");
		if (parent != null) {
			yaml.append("    parent: ").append(parent).append('\n');
		}
		yaml.append("    area-code: \"").append(areaCode).append("\"\n");
		if (!address.isEmpty()) {
			yaml.append("    address: ").append(address).append('\n');
		}
		yaml.append(String.format(Locale.ROOT, "    location: {lat: %.5f, lon: %.5f}%n", at[0], at[1]));
		if (!hours.isEmpty()) {
			yaml.append("    opening-hours: \"").append(hours).append("\"\n");
		}
		int area = floorArea(kind, id);
		if (area > 0) {
			yaml.append("    floor-area: ").append(area).append('\n');
		}
		if (connector != null) {
			yaml.append("    connector: ").append(connector).append('\n');
		}
	}

	/**
	 * A site's floor area open to the public in square metres, by kind and varied by its id: the central library and
	 * culture hall several thousand, a township station 400 to 900, a village or community centre 120 to 420 (some
	 * below the 200 m² a centre should have, as in a real county), reading rooms less; mobile units none.
	 */
	private static int floorArea(String kind, String id) {
		int spread = Math.floorMod(id.hashCode(), 100);
		return switch (kind) {
			case "central_library" -> 7200;
			case "central_culture_center" -> 5400;
			case "township_station" -> 400 + spread * 5;
			case "village_center", "community_center", "village_culture_hall" -> 120 + spread * 3;
			case "city_study_room", "community_reading_room" -> 150 + spread;
			case "farmers_reading_room" -> 40 + spread / 2;
			default -> 0;
		};
	}

	/**
	 * Village centres' opening hours, in turn: afternoons and weekend mornings (26 h a week), every day but Monday
	 * (39 h) and every day (45.5 h), so that some meet the 42 hours of the weekly standard and most do not, as in a
	 * real county.
	 */
	private static final String[] VILLAGE_HOURS = { "Mo-Fr 14:00-18:00; Sa,Su 09:00-12:00",
			"Tu-Su 08:30-11:30,14:00-17:30", "Mo-Su 08:30-11:30,14:00-17:30" };

	/** A point {@code km} away from {@code from} on a compass bearing in degrees. */
	private static double[] offset(double[] from, double km, double bearing) {
		double rad = Math.toRadians(bearing);
		double lat = from[0] + km * Math.cos(rad) / 111.0;
		double lon = from[1] + km * Math.sin(rad) / (111.0 * Math.cos(Math.toRadians(from[0])));
		return new double[] { lat, lon };
	}

	private static String slug(String english) {
		return english.toLowerCase(Locale.ROOT).replace("'", "").replace(' ', '-');
	}

}
