package org.branchlink.gateway.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.branchlink.catalog.event.EventImage;
import org.branchlink.catalog.event.EventImages;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The poster of the staff event form: what is wrong with the file and its text (as bundle keys beside their fields),
 * and, once the event is stored, the poster stored, described again or taken away. A file is known by its first bytes
 * (JPEG, PNG or WebP), never by its name or the type the browser claims, and may be at most
 * {@code branchlink.events.image-max-size}.
 */
@Component
class EventPosters {

	private final EventImages images;

	private final EventsProperties properties;

	EventPosters(EventImages images, EventsProperties properties) {
		this.images = images;
		this.properties = properties;
	}

	/** The largest poster in whole megabytes, for the form's hint and its refusal. */
	long maxMegabytes() {
		return Math.max(1, properties.imageMaxSize().toMegabytes());
	}

	/** Each poster field's problem as a bundle key: the file, and its text when a poster is given or kept. */
	Map<String, String> problems(EventForm form, MultipartFile file, boolean hasPoster) {
		Map<String, String> problems = new TreeMap<>();
		boolean uploaded = file != null && !file.isEmpty();
		if (uploaded && file.getSize() > properties.imageMaxSize().toBytes()) {
			problems.put("image", "events.form.image.tooLarge");
		}
		else if (uploaded && EventImage.Format.sniff(head(file)).isEmpty()) {
			problems.put("image", "events.form.image.type");
		}
		if (form.imageAlt().isEmpty() && (uploaded || hasPoster && !form.removeImage())) {
			problems.put("imageAlt", "events.form.imageAlt.required");
		}
		return problems;
	}

	/** Stores what the form says of the event's poster (after {@link #problems} found none). */
	void apply(long eventId, EventForm form, MultipartFile file) {
		if (file != null && !file.isEmpty()) {
			EventImage image = EventImage.of(bytes(file), form.imageAlt())
				.orElseThrow(() -> new IllegalArgumentException("not a JPEG, PNG or WebP image"));
			images.put(eventId, image);
		}
		else if (form.removeImage()) {
			images.remove(eventId);
		}
		else if (!form.imageAlt().isEmpty()) {
			images.describe(eventId, form.imageAlt());
		}
	}

	Optional<EventImages.Poster> of(long eventId) {
		return images.poster(eventId);
	}

	private static byte[] head(MultipartFile file) {
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes(16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
