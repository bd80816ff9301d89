package org.branchlink.sync.calendar;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import org.branchlink.catalog.event.Audience;
import org.branchlink.catalog.event.CulturalEvent;
import org.branchlink.catalog.event.EventCategory;

/**
 * Reads an iCalendar feed (RFC 5545) into events: one per VEVENT, or per occurrence of a recurring one (RRULE, RDATE,
 * EXDATE) inside the horizon, with RECURRENCE-ID overrides replacing their occurrence. UID and SEQUENCE carry over,
 * STATUS:CANCELLED (or a feed with METHOD:CANCEL) cancels. CATEGORIES pick the category (code or Chinese name, else
 * the feed's default) and the audience; LOCATION names a site (its id or Chinese name) or, failing that, is the place
 * at the feed's own site. Optional {@code X-BRANCHLINK-CAPACITY} and {@code X-BRANCHLINK-FEE}; a {@code CONFERENCE}
 * (RFC 7986) with an http or https address makes it an online event (service mode digital). A VEVENT that cannot be
 * read (ical4j refuses a value in it, its BEGIN/END do not pair up, it has bytes that are not UTF-8, it lacks UID,
 * SUMMARY or DTSTART) is reported with its line and reason; the others still count ({@link FeedCalendar}). Events over
 * before the horizon starts are left out. A feed must not flood the county's calendar: rules that recur more often
 * than hourly are refused, and so is an event over {@link FeedLimits#perEvent()} occurrences in the horizon (counted
 * from its rule's BY* parts before ical4j expands it, see {@link RecurrenceBound}); a feed over
 * {@link FeedLimits#perFeed()} occurrences or {@link FeedLimits#time()} is refused whole ({@link CalendarFeedRefused}).
 */
public final class IcalEvents {

	/** What a feed said: the events, and the VEVENTs (or VTIMEZONEs) that could not be read, each with its line. */
	public record Parsed(List<CulturalEvent> events, List<String> problems) {
	}

	private static final TemporalAmount DEFAULT_LENGTH = Duration.ofHours(1);

	private final String sourceSite;

	private final Function<String, Optional<String>> siteForLocation;

	private final EventCategory defaultCategory;

	private final ZoneId zone;

	private final FeedLimits limits;

	/**
	 * @param sourceSite the site whose feed it is (and where events without a known location take place)
	 * @param siteForLocation finds a site by the LOCATION text
	 * @param defaultCategory the category of events whose CATEGORIES name none of the seven
	 * @param zone the zone of floating times and all-day events
	 * @param limits the bounds on occurrences and time
	 */
	public IcalEvents(String sourceSite, Function<String, Optional<String>> siteForLocation,
			EventCategory defaultCategory, ZoneId zone, FeedLimits limits) {
		this.sourceSite = sourceSite;
		this.siteForLocation = siteForLocation;
		this.defaultCategory = defaultCategory;
		this.zone = zone;
		this.limits = limits;
	}

	/** With the {@linkplain FeedLimits#DEFAULT default limits}. */
	public IcalEvents(String sourceSite, Function<String, Optional<String>> siteForLocation,
			EventCategory defaultCategory, ZoneId zone) {
		this(sourceSite, siteForLocation, defaultCategory, zone, FeedLimits.DEFAULT);
	}

	/** @throws CalendarFeedRefused when the text is not iCalendar at all, or over the feed's bounds */
	public Parsed read(String text, Instant from, Instant to) {
		return read(text.getBytes(StandardCharsets.UTF_8), from, to);
	}

	/**
	 * @param feed the feed's bytes as fetched (UTF-8, see {@link FeedText})
	 * @throws CalendarFeedRefused when the feed is not iCalendar at all, or over the feed's bounds
	 */
	public Parsed read(byte[] feed, Instant from, Instant to) {
		FeedBudget budget = new FeedBudget(limits);
		FeedCalendar calendar = FeedCalendar.read(feed, budget);
		List<String> problems = new ArrayList<>(calendar.problems());
		Map<String, CulturalEvent> overrides = new HashMap<>();
		List<CulturalEvent> events = new ArrayList<>();
		for (FeedCalendar.Found found : calendar.vevents()) {
			VEvent vevent = found.vevent();
			budget.checkTime();
			try {
				Optional<Property> recurrenceId = vevent.getProperty(Property.RECURRENCE_ID);
				if (recurrenceId.isPresent()) {
					CulturalEvent override = event(vevent, key(instant(((DateProperty<?>) recurrenceId.get()).getDate())),
							start(vevent), calendar.cancelFeed());
					overrides.put(override.uid() + "|" + override.recurrence(), override);
					continue;
				}
				List<CulturalEvent> occurrences = occurrences(vevent, from, to, calendar.cancelFeed());
				budget.count(occurrences.size());
				events.addAll(occurrences);
			}
			catch (CalendarFeedRefused ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				problems.add("VEVENT at line " + found.line() + uidOf(vevent) + ": " + ex.getMessage());
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

	/** The event, or its occurrences in the horizon; over the bound per event it is refused with the reason. */
	private List<CulturalEvent> occurrences(VEvent vevent, Instant from, Instant to, boolean cancelFeed) {
		boolean recurring = vevent.getProperty(Property.RRULE).isPresent()
				|| vevent.getProperty(Property.RDATE).isPresent();
		if (!recurring) {
			CulturalEvent event = event(vevent, "", start(vevent), cancelFeed);
			return event.ends().isAfter(from) ? List.of(event) : List.of();
		}
		Temporal first = ((DateProperty<?>) vevent.getProperty(Property.DTSTART)
			.orElseThrow(() -> new IllegalArgumentException("no DTSTART"))).getDate();
		Period<Temporal> window = new Period<>(sameKind(first, from), sameKind(first, to));
		refuseWhenOverBound(vevent, first, window);
		List<CulturalEvent> occurrences = new ArrayList<>();
		for (Period<Temporal> occurrence : vevent.<Temporal>calculateRecurrenceSet(window)) {
			Instant start = instant(occurrence.getStart());
			occurrences.add(event(vevent, key(start), start, cancelFeed));
		}
		return occurrences;
	}

	/**
	 * Refuses a rule more often than hourly, one whose single period expands over the bound per event, and one with
	 * more occurrences than that in the horizon; ical4j counts the last with its own limit, stopping at bound + 1.
	 */
	@SuppressWarnings("unchecked")
	private void refuseWhenOverBound(VEvent vevent, Temporal first, Period<Temporal> window) {
		int bound = limits.perEvent();
		long dates = 0;
		for (Property property : vevent.<Property>getProperties(Property.RDATE)) {
			dates += property.getValue().split(",").length;
		}
		for (Property property : vevent.<Property>getProperties(Property.RRULE)) {
			Recur<Temporal> recur = ((RRule<Temporal>) property).getRecur();
			Frequency frequency = recur.getFrequency();
			if (frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY) {
				throw new IllegalArgumentException("recurs more often than hourly (" + property.getValue() + ")");
			}
			long perPeriod = RecurrenceBound.perPeriod(recur);
			if (perPeriod > bound) {
				throw new IllegalArgumentException("one " + frequency + " period of its rule expands to " + perPeriod
						+ " occurrences, over the bound of " + bound
						+ " per event (branchlink.sync.calendar-max-occurrences-per-event)");
			}
			dates += recur.getDates(first, window.getStart(), window.getEnd(), bound + 1).size();
		}
		if (dates > bound) {
			throw new IllegalArgumentException("more than " + bound
					+ " occurrences in the horizon, over the bound per event (branchlink.sync.calendar-max-occurrences-per-event)");
		}
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
		// an online event: the first CONFERENCE on the web (a tel: or sip: one is not a place to watch)
		String online = vevent.<Property>getProperties("CONFERENCE").stream().map(Property::getValue)
			.map(String::strip).filter(value -> value.matches("(?i)https?://[^\\s<>\"]+")).findFirst().orElse(null);
		return new CulturalEvent(null, CulturalEvent.Source.ICAL, sourceSite, uid, recurrence, sequence,
				CulturalEvent.Kind.EVENT, category, title, text(vevent, Property.DESCRIPTION).orElse(""),
				site.orElse(sourceSite), site.isPresent() ? "" : location, start, end, capacity, audience, false, fee,
				cancelled, null, online);
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
			return Duration.between(instant(start), instant(end));
		}
		Temporal start = ((DateProperty<?>) vevent.getProperty(Property.DTSTART).orElseThrow()).getDate();
		return start instanceof LocalDate ? Duration.ofDays(1) : DEFAULT_LENGTH;
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
