package org.branchlink.gateway.events;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.branchlink.catalog.event.EventImage;

import org.springframework.stereotype.Component;

/**
 * Posters scaled down to a phone's width for the 公众号 articles (the WeChat editor shows images at the phone's width;
 * a 4,000-pixel photo costs a reader's data for nothing). Scaled with the JDK's imaging (bicubic, in steps of halves
 * for quality), as JPEG for a JPEG and PNG for a PNG; kept by the poster's hash, so each version is scaled once per
 * node. A poster no wider than the width, one too large to decode safely, and a WebP (the JDK cannot read it) are
 * served as they are.
 */
@Component
class EventImageRendition {

	/** The width a phone's article image needs: 1,080 px (a 360-point screen at three pixels a point). */
	static final int MOBILE_WIDTH = 1080;

	/** Posters with more pixels than this are not decoded (a small file can unpack into a huge image). */
	private static final long MAX_PIXELS = 50_000_000L;

	/** An image as sent. */
	record Rendition(String contentType, byte[] bytes) {
	}

	private final Cache<String, Rendition> made = Caffeine.newBuilder().maximumWeight(64L * 1024 * 1024)
		.<String, Rendition>weigher((sha, rendition) -> rendition.bytes().length)
		.expireAfterAccess(Duration.ofDays(7))
		.build();

	Rendition mobile(EventImage image) {
		return made.get(image.sha256(), sha -> scaled(image));
	}

	private static Rendition scaled(EventImage image) {
		Rendition original = new Rendition(image.format().contentType(), image.bytes());
		String format = switch (image.format()) {
			case JPEG -> "jpeg";
			case PNG -> "png";
			case WEBP -> null;
		};
		if (format == null) {
			return original;
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image.bytes()))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return original;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= MOBILE_WIDTH || (long) width * height > MAX_PIXELS) {
					return original;
				}
				BufferedImage source = reader.read(0);
				int targetHeight = Math.max(1, (int) Math.round((double) height * MOBILE_WIDTH / width));
				BufferedImage scaled = scale(source, MOBILE_WIDTH, targetHeight, format.equals("png"));
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(scaled, format, out);
				return new Rendition(image.format().contentType(), out.toByteArray());
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not scale the poster " + image.sha256(), ex);
		}
	}

	/** Halves while more than twice too wide, then one bicubic step to the width: sharper than one big step. */
	private static BufferedImage scale(BufferedImage source, int width, int height, boolean alpha) {
		BufferedImage current = source;
		int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		int w = source.getWidth();
		int h = source.getHeight();
		do {
			w = Math.max(width, w / 2);
			h = w == width ? height : Math.max(height, h / 2);
			BufferedImage next = new BufferedImage(w, h, type);
			Graphics2D g = next.createGraphics();
			try {
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
				g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
				g.drawImage(current, 0, 0, w, h, null);
			}
			finally {
				g.dispose();
			}
			current = next;
		}
		while (w > width);
		return current;
	}

}
