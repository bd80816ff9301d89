package org.branchlink.sync.connector.ical;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCategory;

/**
 * Reads an iCalendar feed (RFC 5545) into events: one per VEVENT, or per occurrence of a recurring one (RRULE, RDATE,
 * EXDATE) inside the horizon, with RECURRENCE-ID overrides replacing their occurrence. UID and SEQUENCE carry over,
 * STATUS:CANCELLED (or a feed with METHOD:CANCEL) cancels. CATEGORIES pick the category (code or Chinese name, else
 * the feed's default) and the audience; LOCATION names a site (its id or Chinese name) or, failing that, is the place
 * at the feed's own site. Optional {@code X-BRANCHLINK-CAPACITY} and {@code X-BRANCHLINK-FEE}. A VEVENT that cannot be
 * read is reported with its position and reason; the others still count. Events over before the horizon starts are
 * left out; rules that recur more often than hourly are refused (a feed must not flood the county's calendar).
 */
public final class IcalEvents {

	/** What a feed said: the events, and the problems by VEVENT position. */
	public record Parsed(List<CulturalEvent> events, List<String> problems) {
	}

	private static final TemporalAmount DEFAULT_LENGTH = java.time.Duration.ofHours(1);

	static {
		// real feeds (Outlook, Google, hand-written) fold lines loosely and bend the grammar; read what can be read
		net.fortuna.ical4j.util.CompatibilityHints.setHintEnabled(
				net.fortuna.ical4j.util.CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
		net.fortuna.ical4j.util.CompatibilityHints.setHintEnabled(
				net.fortuna.ical4j.util.CompatibilityHints.KEY_RELAXED_PARSING, true);
		net.fortuna.ical4j.util.CompatibilityHints.setHintEnabled(
				net.fortuna.ical4j.util.CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
	}

	private final String sourceSite;

	private final Function<String, Optional<String>> siteForLocation;

	private final EventCategory defaultCategory;

	private final ZoneId zone;

	/**
	 * @param sourceSite the site whose feed it is (and where events without a known location take place)
	 * @param siteForLocation finds a site by the LOCATION text
	 * @param defaultCategory the category of events whose CATEGORIES name none of the seven
	 * @param zone the zone of floating times and all-day events
	 */
	public IcalEvents(String sourceSite, Function<String, Optional<String>> siteForLocation,
			EventCategory defaultCategory, ZoneId zone) {
		this.sourceSite = sourceSite;
		this.siteForLocation = siteForLocation;
		this.defaultCategory = defaultCategory;
		this.zone = zone;
	}

	/** @throws IllegalArgumentException when the text is not iCalendar at all */
	public Parsed read(String text, Instant from, Instant to) {
		Calendar calendar;
		try {
			calendar = new CalendarBuilder().build(new StringReader(text));
		}
		catch (IOException | ParserException ex) {
			throw new IllegalArgumentException("not an iCalendar feed: " + ex.getMessage(), ex);
		}
		boolean cancelFeed = calendar.getProperty(Property.METHOD)
			.map(method -> "CANCEL".equalsIgnoreCase(((Property) method).getValue()))
			.orElse(false);
		List<VEvent> vevents = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
		List<String> problems = new ArrayList<>();
		Map<String, CulturalEvent> overrides = new HashMap<>();
		List<CulturalEvent> events = new ArrayList<>();
		for (int i = 0; i < vevents.size(); i++) {
			VEvent vevent = vevents.get(i);
			try {
				Optional<Property> recurrenceId = vevent.getProperty(Property.RECURRENCE_ID);
				if (recurrenceId.isPresent()) {
					CulturalEvent override = event(vevent, key(instant(((DateProperty<?>) recurrenceId.get()).getDate())),
							start(vevent), cancelFeed);
					overrides.put(override.uid() + "|" + override.recurrence(), override);
					continue;
				}
				boolean recurring = vevent.getProperty(Property.RRULE).isPresent()
						|| vevent.getProperty(Property.RDATE).isPresent();
				if (!recurring) {
					CulturalEvent event = event(vevent, "", start(vevent), cancelFeed);
					if (event.ends().isAfter(from)) {
						events.add(event);
					}
					continue;
				}
				Optional<Property> rule = vevent.getProperty(Property.RRULE);
				if (rule.isPresent() && rule.get().getValue().matches("(?i).*FREQ=(SECONDLY|MINUTELY).*")) {
					throw new IllegalArgumentException("recurs more often than hourly (" + rule.get().getValue() + ")");
				}
				Temporal first = ((DateProperty<?>) vevent.getProperty(Property.DTSTART).orElseThrow()).getDate();
				Period<Temporal> window = new Period<>(sameKind(first, from), sameKind(first, to));
				Set<Period<Temporal>> occurrences = vevent.calculateRecurrenceSet(window);
				for (Period<Temporal> occurrence : occurrences) {
					Instant start = instant(occurrence.getStart());
					events.add(event(vevent, key(start), start, cancelFeed));
				}
			}
			catch (RuntimeException ex) {
				problems.add("VEVENT " + (i + 1) + uidOf(vevent) + ": " + ex.getMessage());
			}
		}
		List<CulturalEvent> merged = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (CulturalEvent event : events) {
			String key = event.uid() + "|" + event.recurrence();
			merged.add(overrides.getOrDefault(key, event));
			seen.add(key);
		}
		overrides.forEach((key, override) -> {
			if (!seen.contains(key) && !override.starts().isBefore(from) && override.starts().isBefore(to)) {
				merged.add(override);
			}
		});
		return new Parsed(merged, problems);
	}

	private CulturalEvent event(VEvent vevent, String recurrence, Instant start, boolean cancelFeed) {
		String uid = text(vevent, Property.UID).orElseThrow(() -> new IllegalArgumentException("no UID"));
		String title = text(vevent, Property.SUMMARY).orElseThrow(() -> new IllegalArgumentException("no SUMMARY"));
		int sequence = text(vevent, Property.SEQUENCE).map(Integer::parseInt).orElse(0);
		Instant end = start.plus(length(vevent));
		List<String> categories = new ArrayList<>();
		for (Property property : vevent.<Property>getProperties(Property.CATEGORIES)) {
			for (String value : property.getValue().split(",")) {
				categories.add(value.strip());
			}
		}
		EventCategory category = categories.stream()
			.map(EventCategory::parse)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(defaultCategory);
		Set<Audience> audience = EnumSet.noneOf(Audience.class);
		categories.stream().map(Audience::parse).flatMap(Optional::stream).forEach(audience::add);
		String location = text(vevent, Property.LOCATION).orElse("");
		Optional<String> site = location.isEmpty() ? Optional.empty() : siteForLocation.apply(location);
		boolean cancelled = cancelFeed
				|| text(vevent, Property.STATUS).map(status -> status.equalsIgnoreCase("CANCELLED")).orElse(false);
		Integer capacity = text(vevent, "X-BRANCHLINK-CAPACITY").map(Integer::valueOf).orElse(null);
		BigDecimal fee = text(vevent, "X-BRANCHLINK-FEE").map(BigDecimal::new).orElse(BigDecimal.ZERO);
		return new CulturalEvent(null, CulturalEvent.Source.ICAL, sourceSite, uid, recurrence, sequence,
				CulturalEvent.Kind.EVENT, category, title, text(vevent, Property.DESCRIPTION).orElse(""),
				site.orElse(sourceSite), site.isPresent() ? "" : location, start, end, capacity, audience, false, fee,
				cancelled);
	}

	private Instant start(VEvent vevent) {
		return instant(((DateProperty<?>) vevent.getProperty(Property.DTSTART)
			.orElseThrow(() -> new IllegalArgumentException("no DTSTART"))).getDate());
	}

	private TemporalAmount length(VEvent vevent) {
		Optional<Property> duration = vevent.getProperty(Property.DURATION);
		if (duration.isPresent()) {
			return ((net.fortuna.ical4j.model.property.Duration) duration.get()).getDuration();
		}
		Optional<Property> dtEnd = vevent.getProperty(Property.DTEND);
		if (dtEnd.isPresent()) {
			Temporal start = ((DateProperty<?>) vevent.getProperty(Property.DTSTART).orElseThrow()).getDate();
			Temporal end = ((DateProperty<?>) dtEnd.get()).getDate();
			return java.time.Duration.between(instant(start), instant(end));
		}
		Temporal start = ((DateProperty<?>) vevent.getProperty(Property.DTSTART).orElseThrow()).getDate();
		return start instanceof LocalDate ? java.time.Duration.ofDays(1) : DEFAULT_LENGTH;
	}

	/** Any iCalendar time as an instant: floating times and dates are in the county's zone. */
	Instant instant(Temporal temporal) {
		if (temporal instanceof Instant instant) {
			return instant;
		}
		if (temporal instanceof ZonedDateTime zoned) {
			return zoned.toInstant();
		}
		if (temporal instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (temporal instanceof LocalDateTime local) {
			return local.atZone(zone).toInstant();
		}
		if (temporal instanceof LocalDate date) {
			return date.atStartOfDay(zone).toInstant();
		}
		throw new IllegalArgumentException("unsupported time " + temporal);
	}

	/** The horizon's bound in the same kind of time as the event's start, as ical4j's recurrence wants. */
	private Temporal sameKind(Temporal sample, Instant at) {
		if (sample instanceof ZonedDateTime zoned) {
			return at.atZone(zoned.getZone());
		}
		if (sample instanceof OffsetDateTime offset) {
			return at.atOffset(offset.getOffset());
		}
		if (sample instanceof LocalDateTime) {
			return LocalDateTime.ofInstant(at, zone);
		}
		if (sample instanceof LocalDate) {
			return LocalDate.ofInstant(at, zone);
		}
		return at;
	}

	private static String key(Instant start) {
		return start.toString();
	}

	private static Optional<String> text(VEvent vevent, String name) {
		return vevent.<Property>getProperty(name).map(Property::getValue).map(String::strip).filter(v -> !v.isEmpty());
	}

	private static String uidOf(VEvent vevent) {
		return text(vevent, Property.UID).map(uid -> " (UID " + uid + ")").orElse("");
	}

}
