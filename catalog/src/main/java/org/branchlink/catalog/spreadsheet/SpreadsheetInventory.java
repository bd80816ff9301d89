package org.branchlink.catalog.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.branchlink.catalog.record.BibRecord;
import org.branchlink.catalog.record.Isbn;
import org.branchlink.catalog.record.Item;
import org.branchlink.catalog.record.WorkKey;

/**
 * Reads a reading room's inventory spreadsheet (CSV or XLSX): one row per copy, with a header row naming the
 * columns in Chinese or English (题名/书名/title, 责任者/作者/author, ISBN, 出版社/publisher, 出版年/year, 条码/barcode,
 * 索书号/call number). Rows of the same book (same ISBN, else same title, author and year) become one record with a
 * copy per row. A CSV that is not valid UTF-8 is read as GB18030, as Excel in China saves it.
 */
public final class SpreadsheetInventory {

	/** Column → the header names that mean it, in Chinese and English (compared in lower case). */
	private static final Map<String, List<String>> SYNONYMS = Map.of("title", List.of("题名", "书名", "正题名", "title", "书刊名称"),
			"author", List.of("责任者", "作者", "著者", "author", "creator"),
			"isbn", List.of("isbn", "标准号", "国际标准书号", "isbn/issn"),
			"publisher", List.of("出版社", "出版者", "publisher"),
			"year", List.of("出版年", "出版日期", "出版时间", "年份", "year", "date"),
			"barcode", List.of("条码", "条形码", "条码号", "登录号", "barcode"),
			"callNumber", List.of("索书号", "索取号", "call number", "callnumber", "call no"),
			"class", List.of("分类号", "中图分类号", "clc", "class"),
			"location", List.of("馆藏地", "馆藏地点", "location"),
			"acquired", List.of("入藏日期", "到馆日期", "登到日期", "验收日期", "acquired", "date acquired"));

	private static final Map<String, String> HEADERS = new LinkedHashMap<>();

	static {
		SYNONYMS.forEach((column, names) -> names.forEach(name -> HEADERS.put(name, column)));
	}

	/** A row that became part of a record, or the reason it could not. */
	public record Entry(String position, BibRecord record, String problem) {
	}

	private SpreadsheetInventory() {
	}

	/**
	 * @param fileName decides the format: {@code .xlsx} or {@code .xls} are workbooks, anything else CSV
	 * @return the inventory's records (one per book, copies grouped) followed by the refused rows
	 * @throws IllegalArgumentException when the file has no header row naming at least a title column
	 */
	public static List<Entry> read(String siteId, String fileName, InputStream in) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		List<String> positions = new ArrayList<>();
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
			readWorkbook(in, rows, positions);
		}
		else {
			readCsv(in.readAllBytes(), rows, positions);
		}
		return group(siteId, rows, positions);
	}

	private static void readCsv(byte[] bytes, List<Map<String, String>> rows, List<String> positions) throws IOException {
		Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), charset);
				CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
			Map<Integer, String> columns = null;
			for (CSVRecord csv : parser) {
				List<String> cells = csv.toList();
				if (columns == null) {
					columns = columns(cells);
					continue;
				}
				rows.add(values(columns, cells));
				positions.add("row " + (csv.getRecordNumber()));
			}
			if (columns == null) {
				throw new IllegalArgumentException("the spreadsheet is empty");
			}
		}
	}

	private static void readWorkbook(InputStream in, List<Map<String, String>> rows, List<String> positions)
			throws IOException {
		try (Workbook workbook = WorkbookFactory.create(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			Map<Integer, String> columns = null;
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
				}
				if (columns == null) {
					columns = columns(cells);
					continue;
				}
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				rows.add(values(columns, cells));
				positions.add("row " + (row.getRowNum() + 1) + " of sheet '" + sheet.getSheetName() + "'");
			}
			if (columns == null) {
				throw new IllegalArgumentException("the workbook's first sheet is empty");
			}
		}
	}

	private static Map<Integer, String> columns(List<String> header) {
		Map<Integer, String> columns = new LinkedHashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
			String column = HEADERS.get(name);
			if (column != null && !columns.containsValue(column)) {
				columns.put(i, column);
			}
		}
		if (!columns.containsValue("title")) {
			throw new IllegalArgumentException("the first row names no title column (题名, 书名 or title): " + header);
		}
		return columns;
	}

	private static Map<String, String> values(Map<Integer, String> columns, List<String> cells) {
		Map<String, String> values = new LinkedHashMap<>();
		columns.forEach((index, column) -> values.put(column, index < cells.size() ? cells.get(index).strip() : ""));
		return values;
	}

	private static List<Entry> group(String siteId, List<Map<String, String>> rows, List<String> positions) {
		Map<String, List<Integer>> books = new LinkedHashMap<>();
		List<Entry> refused = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, String> row = rows.get(i);
			if (row.getOrDefault("title", "").isBlank()) {
				refused.add(new Entry(positions.get(i), null, "no title"));
				continue;
			}
			Optional<String> isbn = Isbn.normalize(row.getOrDefault("isbn", ""));
			String key = isbn.map(value -> "isbn-" + value)
				.orElseGet(() -> "t-" + WorkKey.normalize(row.get("title")) + "-" + WorkKey.normalize(row.getOrDefault("author", ""))
						+ "-" + year(row.getOrDefault("year", "")));
			books.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
		}
		List<Entry> result = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> book : books.entrySet()) {
			Map<String, String> first = rows.get(book.getValue().get(0));
			List<Item> items = new ArrayList<>();
			for (int index : book.getValue()) {
				Map<String, String> row = rows.get(index);
				String barcode = row.getOrDefault("barcode", "");
				if (!barcode.isBlank()) {
					items.add(new Item(barcode, row.getOrDefault("callNumber", ""), row.getOrDefault("location", ""),
							Item.AVAILABLE, Item.day(row.get("acquired"))));
				}
			}
			String author = first.getOrDefault("author", "");
			BibRecord record = new BibRecord(siteId, book.getKey().length() > 200 ? book.getKey().substring(0, 200) : book.getKey(),
					"", first.get("title"), List.of(), author.isBlank() ? List.of() : List.of(author),
					Isbn.normalize(first.getOrDefault("isbn", "")).map(List::of).orElse(List.of()),
					first.getOrDefault("publisher", ""), year(first.getOrDefault("year", "")), "", "book",
					first.getOrDefault("class", ""), List.of(), items);
			result.add(new Entry(positions.get(book.getValue().get(0)), record, null));
		}
		result.addAll(refused);
		return result;
	}

	private static int year(String text) {
		Matcher matcher = Pattern.compile("(1[5-9]\\d\\d|20\\d\\d)").matcher(text);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
