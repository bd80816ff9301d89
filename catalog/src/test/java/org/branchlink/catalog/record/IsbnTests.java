package org.branchlink.catalog.record;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** ISBNs normalized to ISBN-13, check digits checked. */
class IsbnTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "7-5037-1744-0|9787503717444", "978-7-5339-7402-2|9787533974022",
			"9787533974022 (精装)|9787533974022", "0812968069 (pbk.)|9780812968064", "080442957X|9780804429573",
			"９７８７５３３９７４０２２|9787533974022", "978 7 5339 7402 2|9787533974022" })
	void normalizesToIsbn13(String text, String isbn13) {
		assertThat(Isbn.normalize(text)).hasValue(isbn13);
	}

	@ParameterizedTest
	@CsvSource({ "978-7-5339-7402-3", "7-5037-1744-1", "12345", "CNY68.00", "''" })
	void refusesWhatIsNoIsbn(String text) {
		assertThat(Isbn.normalize(text)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "9787503717444,7503717440", "9780804429573,080442957X" })
	void givesTheIsbn10Form(String isbn13, String isbn10) {
		assertThat(Isbn.toIsbn10(isbn13)).hasValue(isbn10);
	}

}
