package org.branchlink.sync.calendar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.branchlink.sync.calendar.FeedText.Line;

/**
 * A feed cut along its components' BEGIN and END lines, without ical4j, so that one broken component cannot take the
 * others with it: the VCALENDAR's own property lines, its VTIMEZONEs and its other top-level components (VEVENT, VTODO,
 * …) each with the line it starts at. A component whose BEGIN and END do not pair up (an END missing, a component
 * begun inside another that cannot hold it, the file ending inside it) or that holds bytes which are not UTF-8 carries
 * the reason; blank lines are left out. Several VCALENDARs in one file are read as one.
 */
final class FeedComponents {

	/** One top-level component: its name (upper case), its lines, and why it cannot be read (null when it may be). */
	record Block(String name, int line, List<Line> lines, String problem) {

		Block refused(String reason) {
			return problem != null ? this : new Block(name, line, lines, reason);
		}

		/** The text of its first property of that name (unfolded lines are not needed for UID or TZID). */
		Optional<String> property(String property) {
			for (Line each : lines) {
				String text = each.text();
				if (text.length() > property.length() && text.regionMatches(true, 0, property, 0, property.length())
						&& (text.charAt(property.length()) == ':' || text.charAt(property.length()) == ';')) {
					return Optional.of(text.substring(text.indexOf(':') + 1).strip());
				}
			}
			return Optional.empty();
		}

	}

	/** Components that only ever stand at the top of a calendar: one of them beginning means the open one is over. */
	private static final Set<String> TOP_LEVEL = Set.of("VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE",
			"VAVAILABILITY", "VCALENDAR");

	private final List<Line> header = new ArrayList<>();

	private final List<Block> blocks = new ArrayList<>();

	private boolean calendar;

	private FeedComponents() {
	}

	/** Whether the file has a BEGIN:VCALENDAR at all. */
	boolean isCalendar() {
		return calendar;
	}

	/** The VCALENDAR's own property lines (VERSION, PRODID, METHOD, X-WR-…). */
	List<Line> header() {
		return header;
	}

	List<Block> blocks(String name) {
		return blocks.stream().filter(block -> block.name().equals(name)).toList();
	}

	boolean anyRefused() {
		return blocks.stream().anyMatch(block -> block.problem() != null);
	}

	static FeedComponents split(FeedText text) {
		FeedComponents feed = new FeedComponents();
		Deque<String> open = new ArrayDeque<>();
		List<Line> current = null;
		int started = 0;
		String problem = null;
		for (Line line : text.lines()) {
			if (line.text().isBlank()) {
				continue;
			}
			String begin = line.delimiter("BEGIN");
			String end = line.delimiter("END");
			if (current != null && begin != null && TOP_LEVEL.contains(begin)) {
				feed.close(current, started, problem, unbalanced(open, current.get(0)));
				current = null;
			}
			if (current == null) {
				if ("VCALENDAR".equals(begin)) {
					feed.calendar = true;
				}
				else if (begin != null && feed.calendar) {
					current = new ArrayList<>(List.of(line));
					open.clear();
					open.push(begin);
					started = line.number();
					problem = line.badBytes() ? encoding(line) : null;
				}
				else if (feed.calendar && end == null) {
					feed.header.add(line);
				}
				continue;
			}
			if (line.badBytes() && problem == null) {
				problem = encoding(line);
			}
			if ("VCALENDAR".equals(end)) {
				feed.close(current, started, problem, unbalanced(open, current.get(0)));
				current = null;
				continue;
			}
			current.add(line);
			if (begin != null) {
				open.push(begin);
			}
			else if (end != null) {
				if (!open.contains(end)) {
					problem = problem != null ? problem : "END:" + end + " at line " + line.number() + " has no BEGIN:" + end;
					continue;
				}
				while (!open.peek().equals(end)) {
					problem = problem != null ? problem
							: "BEGIN:" + open.peek() + " has no END:" + open.peek() + " before line " + line.number();
					open.pop();
				}
				open.pop();
				if (open.isEmpty()) {
					feed.close(current, started, problem, null);
					current = null;
				}
			}
		}
		if (current != null) {
			feed.close(current, started, problem, unbalanced(open, current.get(0)) + " (the file ends inside it)");
		}
		return feed;
	}

	private void close(List<Line> lines, int started, String problem, String unbalanced) {
		String name = lines.get(0).delimiter("BEGIN");
		blocks.add(new Block(name, started, List.copyOf(lines), problem != null ? problem : unbalanced));
	}

	private static String unbalanced(Deque<String> open, Line first) {
		return "BEGIN:" + open.peekLast() + " at line " + first.number() + " has no END:" + open.peekLast();
	}

	private static String encoding(Line line) {
		return "line " + line.number() + " has bytes that are not UTF-8 (iCalendar feeds are UTF-8)";
	}

}
