package org.branchlink.catalog.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.InitParams;
import org.apache.solr.core.SolrCore;
import org.apache.solr.schema.FieldType;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.schema.TextField;
import org.branchlink.catalog.index.ScriptPairs.Pair;
import org.branchlink.catalog.record.WorkKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configset's analysis, field by field, for every field a search reaches: the fields of each {@code *_qf} and
 * {@code *_pf} parameter set of {@code solrconfig.xml} and the autocomplete field. Accented Latin words are folded
 * words, traditional Chinese analyses as simplified, and the char filters fold as {@link WorkKey} does.
 */
class ConfigsetAnalysisTests {

	private static final String SUGGEST = "title_suggest";

	private static EmbeddedSolrServer solr;

	private static SolrCore core;

	@BeforeAll
	static void start(@TempDir Path home) {
		solr = EmbeddedSolr.start(home, "catalog", "catalog");
		core = solr.getCoreContainer().getCore("catalog");
	}

	@AfterAll
	static void stop() throws IOException {
		core.close();
		solr.close();
	}

	@Test
	void everySearchedFieldAnalysesAccentedLatinWordsAsTheFoldedWords() {
		Map<String, String> accentedToPlain = Map.of("légende", "legende", "LÉGENDE", "legende", "Straße", "strasse",
				"Tiếng Việt", "tieng viet", "Zhōngguó lìshǐ", "zhongguo lishi", "Œuvres complètes", "oeuvres completes",
				"Łódź", "lodz", "naïve café", "naive cafe");
		for (String field : searchedTextFields()) {
			FieldType type = core.getLatestSchema().getField(field).getType();
			accentedToPlain.forEach((accented, plain) -> {
				List<String> words = tokens(type.getQueryAnalyzer(), accented);
				assertThat(words).as(field + " query: " + accented).isEqualTo(tokens(type.getQueryAnalyzer(), plain))
					.allMatch(word -> word.chars().allMatch(c -> c < 0x80));
				if (!field.equals(SUGGEST)) {
					assertThat(words).as(field + " keeps words whole: " + accented).hasSize(plain.split(" ").length);
				}
				assertThat(tokens(type.getIndexAnalyzer(), accented)).as(field + " index: " + accented)
					.isEqualTo(tokens(type.getIndexAnalyzer(), plain));
			});
		}
	}

	@Test
	void everySearchedFieldAnalysesTraditionalChineseAsSimplified() {
		for (String field : searchedTextFields()) {
			FieldType type = core.getLatestSchema().getField(field).getType();
			for (Pair pair : ScriptPairs.ALL) {
				assertThat(tokens(type.getQueryAnalyzer(), pair.traditional())).as(field + " query: " + pair)
					.isEqualTo(tokens(type.getQueryAnalyzer(), pair.simplified()));
				assertThat(tokens(type.getIndexAnalyzer(), pair.traditional())).as(field + " index: " + pair)
					.isEqualTo(tokens(type.getIndexAnalyzer(), pair.simplified()));
			}
		}
	}

	/** Work merging folds with ICU's transform in Java; the index must fold the same, phrases (乾坤, 甚麼) included. */
	@Test
	void theCharFiltersFoldChineseAsWorkKeysDo() throws IOException {
		Analyzer whole = core.getLatestSchema().getFieldType(SUGGEST).getQueryAnalyzer();
		List<String> texts = new ArrayList<>();
		ScriptPairs.ALL.forEach(pair -> texts.addAll(List.of(pair.simplified(), pair.traditional())));
		for (String line : Files.readAllLines(TraditionalSimplifiedMapping.FILE, StandardCharsets.UTF_8)) {
			if (line.startsWith("\"")) {
				texts.add("讀" + line.substring(1, line.indexOf('"', 1)) + "書");
			}
		}
		assertThat(texts).hasSizeGreaterThan(3_500).contains("讀乾坤書", "讀甚麼書");
		for (String text : texts) {
			assertThat(tokens(whole, text)).as(text).containsExactly(WorkKey.normalize(text));
		}
	}

	/** The text fields of every query-field and phrase-field set, and the autocomplete field. */
	private static TreeSet<String> searchedTextFields() {
		TreeSet<String> fields = new TreeSet<>(List.of(SUGGEST));
		for (InitParams params : core.getSolrConfig().getInitParams().values()) {
			params.defaults.forEach((name, value) -> {
				if (name.endsWith("_qf") || name.endsWith("_pf")) {
					for (String boosted : value.toString().trim().split("\\s+")) {
						fields.add(boosted.replaceAll("\\^.*", ""));
					}
				}
			});
		}
		IndexSchema schema = core.getLatestSchema();
		fields.removeIf(field -> !(schema.getField(field).getType() instanceof TextField));
		assertThat(fields).contains("title", "title_cjk", "title_en", "author_en", "description", "description_cjk",
				"name", "name_cjk", "name_en", "address", "publisher", "subject");
		return fields;
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

}
