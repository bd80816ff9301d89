package org.branchlink.gateway.records;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.branchlink.gateway.IntegrationTest;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accented Latin words find what they say in a real catalogue file nobody here wrote: 100 French records of a
 * Canadian library (MARC-8, combining accents) and 7 Czech ones (MARCXML), loaded beside the demo catalogue. Each
 * accented query and its unaccented form find the same works, and every work found has the word in its title
 * (precision, not only "at least one hit"). Skipped where ../shared/data is not beside the clone.
 */
class RealAccentedTitlesTests extends IntegrationTest {

	private static final Path DATA = Path.of("../../shared/data/evergreen");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	/** A record of the files as a reader sees it: its title, and its title, names, subjects and series. */
	record Source(String title, String text) {
	}

	@Test
	void accentedWordsInRealFrenchAndCzechTitlesFindTheirTitlesOnly() throws Exception {
		assumeTrue(Files.isDirectory(DATA), "../shared/data is not beside this clone");
		List<Source> records = new ArrayList<>();
		try (var in = Files.newInputStream(DATA.resolve("lul_fre_100.mrc"))) {
			read(new MarcPermissiveStreamReader(in, true, true, "MARC-8"), records);
		}
		try (var in = Files.newInputStream(DATA.resolve("concerto_marcxml_extracted/bibs_cze.xml"))) {
			read(new MarcXmlReader(in), records);
		}
		mvc.perform(multipart("/api/sites/central-library/ingest")
			.file(new MockMultipartFile("file", "lul_fre_100.mrc", null, Files.readAllBytes(DATA.resolve("lul_fre_100.mrc"))))
			.param("charset", "MARC-8").param("mode", "incremental").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk());
		mvc.perform(multipart("/api/sites/central-library/ingest")
			.file(new MockMultipartFile("file", "bibs_cze.xml", null,
					Files.readAllBytes(DATA.resolve("concerto_marcxml_extracted/bibs_cze.xml"))))
			.param("mode", "incremental").with(httpBasic("admin", "demo-admin")))
			.andExpect(status().isOk());

		for (String[] query : new String[][] { { "siècle", "siecle", "siecl", "3" }, { "théâtre", "theatre", "theatr", "1" },
				{ "récits", "recits", "recit", "1" }, { "économie", "economie", "econom", "1" },
				{ "království", "kralovstvi", "kralovstv", "1" }, { "sociální", "socialni", "social", "1" } }) {
			List<String> accented = titles(query[0]);
			List<String> plain = titles(query[1]);
			assertThat(accented).as("'%s' finds at least its %s title(s)", query[0], query[3])
				.hasSizeGreaterThanOrEqualTo(Integer.parseInt(query[3]));
			assertThat(accented).as("'%s' and '%s' find the same works", query[0], query[1])
				.containsExactlyInAnyOrderElementsOf(plain);
			// (works loaded by other tests of the shared application are checked by title only when it has the word)
			assertThat(accented).as("every work '%s' finds has it in its title, subjects or series", query[0])
				.allSatisfy(title -> assertThat(fold(title).contains(query[2])
						|| records.stream().noneMatch(record -> fold(title).startsWith(record.title()))
						|| records.stream()
							.filter(record -> fold(title).startsWith(record.title()))
							.anyMatch(record -> record.text().contains(query[2]))).as(title).isTrue());
		}
	}

	private List<String> titles(String q) throws Exception {
		JsonNode answer = json.readTree(mvc.perform(get("/api/search").param("q", q).param("rows", "100"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		List<String> titles = new ArrayList<>();
		answer.get("works").forEach(work -> titles.add(work.get("title").asString()));
		assertThat(answer.get("total").asInt()).as("'%s' total", q).isEqualTo(titles.size());
		return titles;
	}

	private static void read(MarcReader reader, List<Source> records) {
		while (reader.hasNext()) {
			Record record = reader.next();
			DataField title = (DataField) record.getVariableField("245");
			if (title == null || title.getSubfield('a') == null) {
				continue;
			}
			StringBuilder text = new StringBuilder();
			for (VariableField field : record.getVariableFields(new String[] { "100", "245", "440", "490", "600", "650",
					"651", "700" })) {
				((DataField) field).getSubfields().forEach(subfield -> text.append(subfield.getData()).append(' '));
			}
			String main = fold(title.getSubfield('a').getData()).replaceAll("[\\s/:;=.]+$", "").strip();
			records.add(new Source(main, fold(text.toString())));
		}
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
