package org.branchlink.gateway.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Where in its file a quarantined record was, in the page's language ({@code @ingestPositions.words(position)}): the
 * readers write {@code record 3 at byte 345}, {@code record 3 at line 40}, {@code row 7 of sheet 'Books'} or
 * {@code record <id>}; anything else is shown as written.
 */
@Component("ingestPositions")
class IngestPositions {

	private static final Pattern AT_BYTE = Pattern.compile("record (\\d+) at byte (\\d+)");

	private static final Pattern AT_LINE = Pattern.compile("record (\\d+) at line (\\d+)");

	private static final Pattern ROW = Pattern.compile("row (\\d+)(?: of sheet '(.*)')?");

	private static final Pattern RECORD = Pattern.compile("record (\\S+)");

	private final PageMessages messages;

	IngestPositions(PageMessages messages) {
		this.messages = messages;
	}

	public String words(String position) {
		if (position == null) {
			return "";
		}
		Matcher m;
		if ((m = AT_BYTE.matcher(position)).matches()) {
			return messages.text("ingest.position.byte", m.group(1), m.group(2));
		}
		if ((m = AT_LINE.matcher(position)).matches()) {
			return messages.text("ingest.position.line", m.group(1), m.group(2));
		}
		if ((m = ROW.matcher(position)).matches()) {
			return m.group(2) == null ? messages.text("ingest.position.row", m.group(1))
					: messages.text("ingest.position.sheetRow", m.group(1), m.group(2));
		}
		if ((m = RECORD.matcher(position)).matches()) {
			return messages.text("ingest.position.record", m.group(1));
		}
		return position;
	}

}
