package org.branchlink.sync.circulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch of circulation events a site recorded while offline: JSON lines, CSV with a header row, or Koha's
 * offline circulation file ({@code .koc}: a {@code Version=1.0} header, then tab-separated
 * {@code <time> issue <card> <barcode>} and {@code <time> return <barcode>} lines). Times without an offset are in the
 * county's zone. Koha lines carry no id, so each gets one from its content: the same line sent twice is the same
 * event. A line that cannot be read is rejected with its line number and the reason; the rest are read.
 */
public final class CirculationBatchReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter KOC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[ SSS]", Locale.ROOT);

	private CirculationBatchReader() {
	}

	/** Reads the input, picking the format from the file name or, failing that, from its first line. */
	public static CirculationBatch read(String siteId, String source, InputStream input, ZoneId zone) throws IOException {
		String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String name = source.toLowerCase(Locale.ROOT);
		String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
		if (name.endsWith(".koc") || first.startsWith("Version=")) {
			return koc(siteId, source, text, zone);
		}
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") || first.startsWith("{")) {
			return jsonLines(siteId, source, text, zone);
		}
		return csv(siteId, source, text, zone);
	}

	static CirculationBatch koc(String siteId, String source, String text, ZoneId zone) throws IOException {
		List<CirculationEvent> events = new ArrayList<>();
		List<Refusal> rejected = new ArrayList<>();
		BufferedReader lines = new BufferedReader(new StringReader(text));
		String line;
		int number = 0;
		while ((line = lines.readLine()) != null) {
			number++;
			if (line.isBlank() || (number == 1 && line.startsWith("Version="))) {
				continue;
			}
			String[] f = line.strip().split("\t");
			String position = "line " + number;
			String id = "koc-" + HexFormat.of().formatHex(DigestUtils.sha1(String.join("\t", f))).substring(0, 24);
			Instant at = kocTime(f[0], zone);
			if (at == null) {
				rejected.add(new Refusal(position, id, "unreadable time '" + f[0] + "'"));
				continue;
			}
			String op = f.length > 1 ? f[1] : "";
			switch (op) {
				case "issue" -> {
					if (f.length < 4) {
						rejected.add(new Refusal(position, id, "an issue line needs a card number and a barcode"));
					}
					else {
						events.add(new CirculationEvent(siteId, id, CirculationAction.CHECKOUT, at, f[3].strip(), null,
								f[2].strip(), null, null));
					}
				}
				case "return" -> {
					if (f.length < 3) {
						rejected.add(new Refusal(position, id, "a return line needs a barcode"));
					}
					else {
						events.add(new CirculationEvent(siteId, id, CirculationAction.CHECKIN, at, f[2].strip(), null, null, null,
								null));
					}
				}
				case "payment" -> rejected.add(new Refusal(position, id, "payments are not kept by BranchLink "
						+ "(public libraries here lend free of charge); settle it at the desk"));
				default -> rejected.add(new Refusal(position, id, "unknown operation '" + op + "'"));
			}
		}
		return new CirculationBatch(siteId, source, events, rejected);
	}

	private static Instant kocTime(String value, ZoneId zone) {
		// generators differ: "2026-07-23 10:15:30 123", "2026-07-23 10-15-30 000", "2026-07-23 10:15:30"
		String v = value.strip();
		if (v.length() >= 19 && v.charAt(13) == '-' && v.charAt(16) == '-') {
			v = v.substring(0, 13) + ':' + v.substring(14, 16) + ':' + v.substring(17);
		}
		try {
			return LocalDateTime.parse(v, KOC_TIME).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static CirculationBatch jsonLines(String siteId, String source, String text, ZoneId zone) throws IOException {
		List<CirculationEvent> events = new ArrayList<>();
		List<Refusal> rejected = new ArrayList<>();
		BufferedReader lines = new BufferedReader(new StringReader(text));
		String line;
		int number = 0;
		while ((line = lines.readLine()) != null) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = JSON.readTree(line);
			}
			catch (JacksonException ex) {
				rejected.add(new Refusal("line " + number, null, "not a JSON object: " + ex.getOriginalMessage()));
				continue;
			}
			if (!node.isObject()) {
				rejected.add(new Refusal("line " + number, null, "not a JSON object"));
				continue;
			}
			Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			node.properties().forEach(e -> {
				if (!e.getValue().isNull()) {
					fields.put(e.getKey().replace("_", ""), e.getValue().asString());
				}
			});
			event(siteId, "line " + number, fields, zone).ifPresent(events::add);
			reason(siteId, "line " + number, fields, zone).ifPresent(rejected::add);
		}
		return new CirculationBatch(siteId, source, events, rejected);
	}

	static CirculationBatch csv(String siteId, String source, String text, ZoneId zone) throws IOException {
		List<CirculationEvent> events = new ArrayList<>();
		List<Refusal> rejected = new ArrayList<>();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).get();
		try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord record : parser) {
				Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				record.toMap().forEach((k, v) -> {
					if (v != null && !v.isBlank()) {
						fields.put(k.replace("_", "").strip(), v);
					}
				});
				String position = "line " + (record.getRecordNumber() + 1);
				event(siteId, position, fields, zone).ifPresent(events::add);
				reason(siteId, position, fields, zone).ifPresent(rejected::add);
			}
		}
		catch (IllegalArgumentException | UncheckedIOException ex) {
			rejected.add(new Refusal("header", null, "not a CSV file with a header row: " + ex.getMessage()));
		}
		return new CirculationBatch(siteId, source, events, rejected);
	}

	/** The event these fields make, when they make one (see {@link #reason} for why not). */
	private static Optional<CirculationEvent> event(String siteId, String position, Map<String, String> f, ZoneId zone) {
		if (reason(siteId, position, f, zone).isPresent()) {
			return Optional.empty();
		}
		return Optional.of(new CirculationEvent(siteId, id(f), CirculationAction.parse(f.get("type")).orElseThrow(),
				time(f.get("occurredAt"), zone), f.get("barcode"), f.get("owner"), f.get("card"), f.get("destination"),
				f.get("dueAt") == null ? null : time(f.get("dueAt"), zone)));
	}

	private static Optional<Refusal> reason(String siteId, String position, Map<String, String> f, ZoneId zone) {
		String id = id(f);
		if (CirculationAction.parse(f.get("type")).isEmpty()) {
			return Optional.of(new Refusal(position, id, "unknown event type '" + f.get("type") + "'"));
		}
		if (f.get("occurredAt") == null || time(f.get("occurredAt"), zone) == null) {
			return Optional.of(new Refusal(position, id, "unreadable or missing time '" + f.get("occurredAt") + "'"));
		}
		if (f.get("dueAt") != null && time(f.get("dueAt"), zone) == null) {
			return Optional.of(new Refusal(position, id, "unreadable due date '" + f.get("dueAt") + "'"));
		}
		return Optional.empty();
	}

	private static String id(Map<String, String> f) {
		return f.containsKey("eventId") ? f.get("eventId") : f.get("id");
	}

	/** ISO-8601 with offset or zone, or a local date-time (with 'T' or a space) in the county's zone. */
	public static Instant time(String value, ZoneId zone) {
		if (value == null) {
			return null;
		}
		try {
			// one parse, with or without an offset (a failed first attempt would cost an exception per event)
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME
				.parseBest(value.strip().replace(' ', 'T'), OffsetDateTime::from, LocalDateTime::from);
			return parsed instanceof OffsetDateTime offset ? offset.toInstant()
					: ((LocalDateTime) parsed).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
