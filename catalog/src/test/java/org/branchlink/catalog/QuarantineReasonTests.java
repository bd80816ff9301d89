package org.branchlink.catalog;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import org.branchlink.catalog.marc.MarcCharset;
import org.branchlink.catalog.marc.MarcSources;
import org.branchlink.catalog.marc.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of quarantine reason has a stable code a page can word; the text itself is left as written. */
class QuarantineReasonTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			a NUL character (U+0000) in its text, which the catalogue cannot store | nul
			bad leader: record length 'ab' is not a number of at least 26 | bad-leader
			truncated: the file ends after 30 of 100 bytes | truncated
			wrong record length: byte 99 is not a record terminator | wrong-length
			bad directory: its length 13 is not a multiple of 12 | bad-directory
			wrong directory length: field 245 does not end with a field terminator | bad-directory
			undecodable bytes: not valid MARC-8 (x) | undecodable
			unreadable: IOException: gone | unreadable
			malformed MARCXML: no leader | bad-xml
			broken XML at line 3: unexpected end | bad-xml
			not a bibliographic record: an authority record (leader/06 z) | not-bibliographic
			no record id (field 001, 035 $a or 901 $c) | no-id
			no title (field 245 $a) | no-title
			no title | no-title
			something new | other
			""")
	void eachReasonHasItsCode(String reason, String code) {
		assertThat(QuarantineReason.code(reason)).isEqualTo(code);
		assertThat(new QuarantinedRecord(1, 1, "s", "f.mrc", "record 1", reason, null).code()).isEqualTo(code);
	}

	@Test
	void whatTheReadersRefuseIsCoded() {
		Iterator<RawRecord> iso = MarcSources.open(new ByteArrayInputStream("abcde not a record at all, no".getBytes(
				StandardCharsets.US_ASCII)), MarcCharset.parse("UTF-8"));
		RawRecord refused = iso.next();
		assertThat(refused.isRefused()).isTrue();
		assertThat(QuarantineReason.code(refused.problem())).as(refused.problem()).isNotEqualTo(QuarantineReason.OTHER);
		assertThat(QuarantineReason.code(null)).isEqualTo(QuarantineReason.OTHER);
	}

}
