package org.branchlink.catalog.event;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events' posters, one per event, in the table {@code cultural_event_image} (PostgreSQL, so every node of a cluster
 * serves the same bytes without a shared disk). They stay out of Solr: a list of events asks {@link #posters} for the
 * posters of the events it shows, by id.
 */
@Component
public class EventImages {

	/** What a page needs to show a poster without its bytes: the version's hash (for the URL) and its text. */
	public record Poster(String sha256, String alt) {
	}

	private final JdbcClient jdbc;

	EventImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the event's poster, replacing the one it had. */
	@Transactional
	public void put(long eventId, EventImage image) {
		jdbc.sql("""
				insert into cultural_event_image (event_id, content_type, bytes, sha256, alt_text)
				values (:event, :type, :bytes, :sha, :alt)
				on conflict (event_id) do update set content_type = excluded.content_type, bytes = excluded.bytes,
				    sha256 = excluded.sha256, alt_text = excluded.alt_text, updated_at = now()""")
			.param("event", eventId)
			.param("type", image.format().contentType())
			.param("bytes", image.bytes())
			.param("sha", image.sha256())
			.param("alt", image.alt())
			.update();
	}

	/** Changes the text of the event's poster; false when it has none. */
	@Transactional
	public boolean describe(long eventId, String alt) {
		if (alt == null || alt.isBlank()) {
			throw new IllegalArgumentException("an event image needs a text saying what it shows");
		}
		return jdbc.sql("update cultural_event_image set alt_text = :alt, updated_at = now() where event_id = :event")
			.param("alt", alt.strip())
			.param("event", eventId)
			.update() > 0;
	}

	/** Takes the event's poster away; false when it had none. */
	@Transactional
	public boolean remove(long eventId) {
		return jdbc.sql("delete from cultural_event_image where event_id = :event").param("event", eventId).update() > 0;
	}

	/** The event's poster with its bytes. */
	public Optional<EventImage> find(long eventId) {
		return jdbc.sql("select content_type, bytes, alt_text, sha256 from cultural_event_image where event_id = :event")
			.param("event", eventId)
			.query((rs, n) -> new EventImage(EventImage.Format.ofContentType(rs.getString(1)).orElseThrow(),
					rs.getBytes(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** The posters of those events that have one, by event id, without their bytes. */
	public Map<Long, Poster> posters(Collection<Long> eventIds) {
		Map<Long, Poster> posters = new HashMap<>();
		if (eventIds.isEmpty()) {
			return posters;
		}
		jdbc.sql("select event_id, sha256, alt_text from cultural_event_image where event_id in (:ids)")
			.param("ids", eventIds)
			.query((rs, n) -> posters.put(rs.getLong(1), new Poster(rs.getString(2), rs.getString(3))))
			.list();
		return posters;
	}

	/** The poster of one event, without its bytes. */
	public Optional<Poster> poster(long eventId) {
		return Optional.ofNullable(posters(List.of(eventId)).get(eventId));
	}

}
