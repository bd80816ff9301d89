package org.branchlink.catalog.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Reading rooms' inventories: CSV in UTF-8 or GBK and XLSX, by header names in Chinese or English. */
class SpreadsheetInventoryTests {

	private static final String CSV = """
			题名,作者,ISBN,出版社,出版年,条码,索书号
			三体,刘慈欣,978-7-5366-9293-0,重庆出版社,2008,RR0001,I247.55/1
			三体,刘慈欣,978-7-5366-9293-0,重庆出版社,2008,RR0002,I247.55/1
			乡村医生手册,张伟,,人民卫生出版社,2015年3月,RR0003,R4/2
			,无名,,,,RR0004,
			""";

	@Test
	void rowsOfTheSameBookBecomeOneRecordWithACopyEach() throws Exception {
		List<SpreadsheetInventory.Entry> rows = read("inventory.csv", CSV.getBytes(StandardCharsets.UTF_8));

		assertThat(rows).hasSize(3);
		var threeBody = rows.get(0).record();
		assertThat(threeBody.title()).isEqualTo("三体");
		assertThat(threeBody.isbns()).containsExactly("9787536692930");
		assertThat(threeBody.items()).extracting("barcode").containsExactly("RR0001", "RR0002");
		assertThat(threeBody.items().get(0).callNumber()).isEqualTo("I247.55/1");
		assertThat(rows.get(1).record().year()).isEqualTo(2015);
		assertThat(rows.get(1).record().isbns()).isEmpty();
		assertThat(rows.get(2).problem()).isEqualTo("no title");
		assertThat(rows.get(2).position()).isEqualTo("row 5");
	}

	@Test
	void aCsvSavedInGbkIsReadAsChinese() throws Exception {
		List<SpreadsheetInventory.Entry> rows = read("inventory.csv", CSV.getBytes(Charset.forName("GBK")));

		assertThat(rows.get(0).record().title()).isEqualTo("三体");
		assertThat(rows.get(1).record().publisher()).isEqualTo("人民卫生出版社");
	}

	@Test
	void anXlsxWorkbookWithEnglishHeaders() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			var sheet = workbook.createSheet("books");
			String[][] cells = { { "Title", "Author", "ISBN", "Year", "Barcode" },
					{ "Rice Farming Today", "Smith, John", "0812968069", "1999", "X1" } };
			for (int r = 0; r < cells.length; r++) {
				var row = sheet.createRow(r);
				for (int c = 0; c < cells[r].length; c++) {
					row.createCell(c).setCellValue(cells[r][c]);
				}
			}
			sheet.getRow(1).getCell(3).setCellValue(1999);
			workbook.write(out);
		}

		List<SpreadsheetInventory.Entry> rows = read("books.xlsx", out.toByteArray());

		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.record().title()).isEqualTo("Rice Farming Today");
			assertThat(row.record().year()).isEqualTo(1999);
			assertThat(row.record().isbns()).containsExactly("9780812968064");
			assertThat(row.record().items()).extracting("barcode").containsExactly("X1");
		});
	}

	@Test
	void aFileWithoutATitleColumnIsRefusedWhole() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> read("x.csv", "名字,价格\n三体,23\n".getBytes(StandardCharsets.UTF_8)))
			.withMessageStartingWith("the first row names no title column");
	}

	private static List<SpreadsheetInventory.Entry> read(String name, byte[] bytes) throws Exception {
		return SpreadsheetInventory.read("reading-room", name, new ByteArrayInputStream(bytes));
	}

}
