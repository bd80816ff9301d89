package org.branchlink.catalog.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies written in one statement per batch. */
class CopyRowsTests {

	@Test
	void textIsUtf8WithCopyEscapes() throws IOException {
		CopyRows rows = new CopyRows().text("中国历史 é\t\\\n\r\"").text(null).number(-12).endRow();

		assertThat(content(rows)).isEqualTo("中国历史 é\\t\\\\\\n\\r\"\t\\N\t-12\n");
		assertThat(rows.rows()).isEqualTo(1);
	}

	@Test
	void charsOutsideTheBasicPlaneAndLoneSurrogatesEncodeAsTheJdkDoes() throws IOException {
		String value = "𠀀书📚" + '\uD800' + "x" + '\uDC00';

		assertThat(content(new CopyRows().text(value))).isEqualTo(new String(value.getBytes(StandardCharsets.UTF_8),
				StandardCharsets.UTF_8));
		assertThat(content(new CopyRows().text(value))).isEqualTo("𠀀书📚?x?");
	}

	@Test
	void arrayElementsAreQuotedWithQuotesAndBackslashesEscapedTwice() throws IOException {
		CopyRows rows = new CopyRows().array(List.of("红楼梦", "a\"b", "c\\d", "e\tf")).array(List.of()).endRow();

		assertThat(content(rows)).isEqualTo("{\"红楼梦\",\"a\\\\\"b\",\"c\\\\\\\\d\",\"e\\tf\"}\t{}\n");
	}

	@Test
	void bytesAreHex() throws IOException {
		assertThat(content(new CopyRows().bytes(new byte[] { 0, (byte) 0xAB, 0x7F }).bytes(null)))
			.isEqualTo("\\\\x00ab7f\t\\N");
	}

	@Test
	void aLongValueGrowsTheBuffer() throws IOException {
		String longValue = "图".repeat(40_000);

		assertThat(content(new CopyRows().text(longValue).text("end"))).isEqualTo(longValue + "\tend");
	}

	private static String content(CopyRows rows) throws IOException {
		return new String(rows.content().readAllBytes(), StandardCharsets.UTF_8);
	}

}
