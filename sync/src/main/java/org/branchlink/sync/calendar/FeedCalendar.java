package org.branchlink.sync.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;

import org.branchlink.sync.calendar.FeedComponents.Block;
import org.branchlink.sync.calendar.FeedText.Line;

/**
 * A feed read into ical4j's VEVENTs, each with the line of the file it starts at. The whole file is handed to ical4j
 * first (leniently: relaxed unfolding, parsing and validation, Outlook compatibility); when that fails, or when cutting
 * it along BEGIN/END lines already found a broken component, each VEVENT is read on its own, with the VTIMEZONEs it
 * names, and every one that cannot be read is reported with its line and ical4j's reason while the others still
 * count. Components the platform does not use (VTODO, VJOURNAL, …) are not read then.
 */
final class FeedCalendar {

	/** A VEVENT and the line of the file its BEGIN:VEVENT is on. */
	record Found(VEvent vevent, int line) {
	}

	static {
		// effective in ical4j 4.x: CalendarParserImpl, UnfoldingReader and the property factories read these hints
		// when they are made, which is after this (ical4j.properties is not needed)
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
		CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
	}

	private static final List<Line> OPENING = List.of(new Line(0, "BEGIN:VCALENDAR", false),
			new Line(0, "VERSION:2.0", false), new Line(0, "PRODID:-//BranchLink//one component//EN", false));

	private static final Line CLOSING = new Line(0, "END:VCALENDAR", false);

	private final List<Found> vevents = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private boolean cancelFeed;

	private FeedCalendar() {
	}

	List<Found> vevents() {
		return vevents;
	}

	/** The components that could not be read, each with its line and reason. */
	List<String> problems() {
		return problems;
	}

	/** Whether the calendar says METHOD:CANCEL (every event in it is called off). */
	boolean cancelFeed() {
		return cancelFeed;
	}

	/** @throws CalendarFeedRefused when the text has no VCALENDAR at all, or reading it ran out of time */
	static FeedCalendar read(byte[] bytes, FeedBudget budget) {
		FeedText text = FeedText.decode(bytes);
		FeedComponents components = FeedComponents.split(text);
		if (!components.isCalendar()) {
			throw new CalendarFeedRefused("not an iCalendar feed: it has no BEGIN:VCALENDAR");
		}
		FeedCalendar feed = new FeedCalendar();
		List<Block> blocks = components.blocks(Component.VEVENT);
		boolean cleanHeader = components.header().stream().noneMatch(Line::badBytes);
		if (!components.anyRefused() && cleanHeader && feed.readWhole(text, blocks)) {
			return feed;
		}
		feed.cancelFeed = components.header().stream()
			.anyMatch(line -> line.text().replace(" ", "").equalsIgnoreCase("METHOD:CANCEL"));
		List<Block> timezones = feed.readableTimezones(components.blocks(Component.VTIMEZONE));
		for (Block block : blocks) {
			budget.checkTime();
			feed.readOne(block, timezones);
		}
		return feed;
	}

	/** ical4j on the whole file; false when it refuses it (then each VEVENT is read on its own). */
	private boolean readWhole(FeedText text, List<Block> blocks) {
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new StringReader(FeedText.join(text.lines())));
		}
		catch (IOException | ParserException | RuntimeException ex) {
			return false;
		}
		List<VEvent> parsed = calendar.getComponents(Component.VEVENT);
		if (parsed.size() != blocks.size()) {
			return false;
		}
		for (int i = 0; i < parsed.size(); i++) {
			vevents.add(new Found(parsed.get(i), blocks.get(i).line()));
		}
		cancelFeed = calendar.getProperty(Property.METHOD)
			.map(method -> "CANCEL".equalsIgnoreCase(((Property) method).getValue()))
			.orElse(false);
		return true;
	}

	private List<Block> readableTimezones(List<Block> timezones) {
		List<Block> readable = new ArrayList<>();
		for (Block timezone : timezones) {
			Optional<String> reason = timezone.problem() != null ? Optional.of(timezone.problem())
					: parse(timezone, List.of()).reason();
			reason.ifPresentOrElse(why -> problems.add("VTIMEZONE at line " + timezone.line() + tzid(timezone) + ": "
					+ why + "; times given in it are read in the zone of that name when there is one"),
					() -> readable.add(timezone));
		}
		return readable;
	}

	private void readOne(Block block, List<Block> timezones) {
		if (block.problem() != null) {
			problems.add("VEVENT at line " + block.line() + uid(block) + ": " + block.problem());
			return;
		}
		List<Block> named = timezones.stream()
			.filter(timezone -> timezone.property("TZID").map(id -> names(block, id)).orElse(false))
			.toList();
		Parse parse = parse(block, named);
		if (parse.reason().isPresent()) {
			problems.add("VEVENT at line " + block.line() + uid(block) + ": " + parse.reason().get());
			return;
		}
		parse.calendar().<VEvent>getComponents(Component.VEVENT)
			.forEach(vevent -> vevents.add(new Found(vevent, block.line())));
	}

	private static boolean names(Block block, String tzid) {
		return block.lines().stream().anyMatch(line -> line.text().contains("TZID=" + tzid)
				|| line.text().contains("TZID=\"" + tzid + "\""));
	}

	/** One component parsed in a calendar of its own (with the time zones it names), or ical4j's reason. */
	private record Parse(Calendar calendar, Optional<String> reason) {
	}

	private static Parse parse(Block block, List<Block> timezones) {
		List<Line> lines = new ArrayList<>(OPENING);
		timezones.forEach(timezone -> lines.addAll(timezone.lines()));
		lines.addAll(block.lines());
		lines.add(CLOSING);
		try {
			return new Parse(new CalendarBuilder().build(new StringReader(FeedText.join(lines))), Optional.empty());
		}
		catch (ParserException ex) {
			return new Parse(null, Optional.of(where(lines, ex.getLineNo()) + reason(ex)));
		}
		catch (IOException | RuntimeException ex) {
			return new Parse(null, Optional.of(reason(ex)));
		}
	}

	/** "line 14, DTEND: " for ical4j's line number in the wrapped text, mapped back to the file. */
	private static String where(List<Line> lines, int lineNo) {
		if (lineNo < 1 || lineNo > lines.size() || lines.get(lineNo - 1).number() == 0) {
			return "";
		}
		Line line = lines.get(lineNo - 1);
		boolean continued = line.text().startsWith(" ") || line.text().startsWith("\t");
		String name = continued ? "" : line.text().split("[;:]", 2)[0];
		return "line " + line.number() + (name.isBlank() ? "" : ", " + name) + ": ";
	}

	private static String reason(Exception ex) {
		Throwable cause = ex instanceof ParserException && ex.getCause() != null ? ex.getCause() : ex;
		String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		return message.replaceFirst("^Error at line \\d+:", "");
	}

	private static String uid(Block block) {
		return block.property("UID").map(uid -> " (UID " + uid + ")").orElse("");
	}

	private static String tzid(Block block) {
		return block.property("TZID").map(tzid -> " (TZID " + tzid + ")").orElse("");
	}

}
