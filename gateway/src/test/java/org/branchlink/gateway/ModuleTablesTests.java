package org.branchlink.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns the tables its migrations create, and only its own code names them in SQL: a module reads another's
 * data through that module's API ({@code CatalogCopies}, {@code EventCatalog}, ...). The modules, their tables and
 * their SQL are read from the source tree (every folder beside {@code gateway} with migrations of its own), so a new
 * module or table is checked without changing this test.
 */
class ModuleTablesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	/** Java string literals and text blocks: where SQL lives (comments and names are not SQL). */
	private static final Pattern STRINGS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

	@Test
	void noModuleNamesAnotherModulesTableInSql() {
		Map<String, Set<String>> owned = tablesPerModule();
		assertThat(owned).as("modules with migrations").containsKeys("catalog", "gateway");
		List<String> trespasses = new ArrayList<>();
		owned.keySet().forEach(module -> sources(module).forEach(
				file -> trespasses.addAll(trespasses(owned, module, ROOT.relativize(file).toString(), read(file)))));
		assertThat(trespasses).as("SQL naming another module's table").isEmpty();
	}

	@Test
	void theCheckSeesATrespassAndNoComment() {
		Map<String, Set<String>> owned = tablesPerModule();
		assertThat(owned.get("catalog")).contains("item", "bib_record", "item_state", "cultural_event");
		String gatewayQuery = """
				class X {
				    String q = \"""
				        select i.barcode from item i join bib_record r on r.record_id = i.record_id\""";
				    // select * from item_state, in a comment, is no SQL
				    /* nor update cultural_event here */
				}""";
		assertThat(trespasses(owned, "gateway", "X.java", gatewayQuery)).containsExactlyInAnyOrder(
				"X.java names catalog's table item", "X.java names catalog's table bib_record");
		assertThat(trespasses(owned, "catalog", "X.java", gatewayQuery)).as("a module's own tables").isEmpty();
	}

	/** What a module's source names of other modules' tables in its SQL. */
	private static List<String> trespasses(Map<String, Set<String>> owned, String module, String name, String java) {
		String sql = sqlOf(java);
		List<String> found = new ArrayList<>();
		owned.forEach((owner, tables) -> {
			if (owner.equals(module)) {
				return;
			}
			for (String table : tables) {
				if (Pattern.compile("(?i)\\b(from|join|update|into|table|exists)\\s+" + table + "\\b").matcher(sql).find()) {
					found.add(name + " names " + owner + "'s table " + table);
				}
			}
		});
		return found;
	}

	/** Each module's tables: what its migrations create. */
	private static Map<String, Set<String>> tablesPerModule() {
		Map<String, Set<String>> owned = new TreeMap<>();
		try (Stream<Path> modules = Files.list(ROOT)) {
			modules.filter(m -> Files.isDirectory(m.resolve("src/main/resources/db/migration"))).forEach(module -> {
				Set<String> tables = new TreeSet<>();
				try (Stream<Path> files = Files.walk(module.resolve("src/main/resources/db/migration"))) {
					files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
						Matcher m = CREATE.matcher(read(f));
						while (m.find()) {
							tables.add(m.group(1).toLowerCase(Locale.ROOT));
						}
					});
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				owned.put(module.getFileName().toString(), tables);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return owned;
	}

	private static List<Path> sources(String module) {
		try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
			return files.filter(f -> f.toString().endsWith(".java")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The string literals of a Java source, comments dropped first. */
	private static String sqlOf(String java) {
		String code = java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
		StringBuilder sql = new StringBuilder();
		Matcher m = STRINGS.matcher(code);
		while (m.find()) {
			sql.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
		}
		return sql.toString();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
