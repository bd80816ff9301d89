package org.branchlink.gateway.population;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads the list of villages and communities: CSV (UTF-8, or GB18030 as spreadsheets in China save it) or XLSX, a
 * header row naming the columns in English or Chinese — {@code area_code}/区划代码, {@code name}/名称,
 * {@code residents}/常住人口, and optionally {@code served_by}/服务中心 (a site id) and {@code priority}/重点帮扶
 * ({@code remote}/偏远, {@code poor}/脱贫村 or 贫困村: the mobile services visit its centre first and more often, seed
 * 001's 深入偏远乡镇、贫困村). Every line is checked; the file is
 * taken whole or not at all, with each problem and its line.
 */
final class VillageFile {

	/** A village or community as the file gives it. */
	record Line(int number, String areaCode, String name, int residents, String servedBy, String priority) {
	}

	/** A line that cannot be taken: its number (0: the file as a whole), what is wrong ({@code refusal.village-<kind>}), the value. */
	record Problem(int line, String kind, String value) {
	}

	/** What the file held: its lines, or its problems. */
	record Read(List<Line> lines, List<Problem> problems) {
	}

	private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

	private static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("area_code", "area_code"),
			Map.entry("区划代码", "area_code"), Map.entry("统计用区划代码", "area_code"), Map.entry("name", "name"),
			Map.entry("名称", "name"), Map.entry("residents", "residents"), Map.entry("常住人口", "residents"),
			Map.entry("served_by", "served_by"), Map.entry("服务中心", "served_by"), Map.entry("priority", "priority"),
			Map.entry("重点帮扶", "priority"), Map.entry("帮扶类型", "priority"));

	/** The priority column's words: English as stored, and the Chinese a bureau writes. */
	private static final Map<String, String> PRIORITIES = Map.of("remote", "remote", "偏远", "remote", "偏远村", "remote",
			"poor", "poor", "贫困村", "poor", "脱贫村", "poor", "贫困", "poor", "脱贫", "poor");

	private VillageFile() {
	}

	static Read read(String filename, byte[] bytes) {
		List<List<String>> rows = filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(bytes)
				: csv(bytes);
		List<Problem> problems = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		if (rows.isEmpty()) {
			return new Read(List.of(), List.of(new Problem(0, "empty", "")));
		}
		List<String> header = rows.get(0).stream().map(cell -> HEADERS.getOrDefault(cell.strip().replace("\uFEFF", ""), "")).toList();
		int code = header.indexOf("area_code");
		int name = header.indexOf("name");
		int residents = header.indexOf("residents");
		int servedBy = header.indexOf("served_by");
		int priority = header.indexOf("priority");
		if (code < 0 || name < 0 || residents < 0) {
			return new Read(List.of(), List.of(new Problem(1, "header", String.join(",", rows.get(0)))));
		}
		for (int i = 1; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			if (row.stream().allMatch(String::isBlank)) {
				continue;
			}
			int number = i + 1;
			String areaCode = cell(row, code);
			String villageName = cell(row, name);
			String count = cell(row, residents).replace(",", "");
			if (!TWELVE_DIGITS.matcher(areaCode).matches()) {
				problems.add(new Problem(number, "code", areaCode));
				continue;
			}
			if (villageName.isEmpty()) {
				problems.add(new Problem(number, "name", ""));
				continue;
			}
			int people;
			try {
				people = Integer.parseInt(count);
			}
			catch (NumberFormatException ex) {
				problems.add(new Problem(number, "residents", count));
				continue;
			}
			if (people < 0) {
				problems.add(new Problem(number, "residents", count));
				continue;
			}
			String marked = priority < 0 ? "" : cell(row, priority);
			String flag = marked.isEmpty() || marked.equals("否") ? "" : PRIORITIES.get(marked.toLowerCase(Locale.ROOT));
			if (flag == null) {
				problems.add(new Problem(number, "priority", marked));
				continue;
			}
			lines.add(new Line(number, areaCode, villageName, people, servedBy < 0 ? "" : cell(row, servedBy), flag));
		}
		return new Read(lines, problems);
	}

	private static String cell(List<String> row, int index) {
		return index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
	}

	private static List<List<String>> csv(byte[] bytes) {
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), charsetOf(bytes))) {
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : CSVFormat.DEFAULT.parse(reader)) {
				rows.add(record.toList());
			}
			return rows;
		}
		catch (IOException | IllegalStateException | UncheckedIOException ex) {
			return List.of();
		}
	}

	/** UTF-8 when the bytes are UTF-8; otherwise GB18030, as spreadsheets in China save CSV. */
	private static Charset charsetOf(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException notUtf8) {
			return Charset.forName("GB18030");
		}
	}

	private static List<List<String>> xlsx(byte[] bytes) {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter(Locale.ROOT);
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

}
