package org.branchlink.catalog.event;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A poster is known by its first bytes: JPEG, PNG and WebP are taken, anything else (whatever its name) is not. */
class EventImageFormatTests {

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	@Test
	void jpegPngAndWebpAreKnownByTheirMagicBytes() {
		assertThat(EventImage.Format.sniff(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).contains(EventImage.Format.JPEG);
		assertThat(EventImage.Format.sniff(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0)))
			.contains(EventImage.Format.PNG);
		assertThat(EventImage.Format.sniff(bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P')))
			.contains(EventImage.Format.WEBP);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GIF89a......", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>",
			"<html><script>alert(1)</script>", "RIFF....WAVEfmt ", "\u0089PN", "" })
	void anythingElseIsNot(String head) {
		assertThat(EventImage.Format.sniff(head.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
	}

	@Test
	void anImageNeedsItsTextAndIsNamedByItsHash() {
		byte[] jpeg = bytes(0xff, 0xd8, 0xff, 0xdb, 1, 2, 3);
		EventImage image = EventImage.of(jpeg, "  剪纸作品：红色窗花 ").orElseThrow();
		assertThat(image.alt()).isEqualTo("剪纸作品：红色窗花");
		assertThat(image.sha256()).hasSize(64).isEqualTo(EventImage.of(jpeg, "另一段说明").orElseThrow().sha256());
		assertThat(image.format().contentType()).isEqualTo("image/jpeg");
		assertThatThrownBy(() -> EventImage.of(jpeg, " ")).isInstanceOf(IllegalArgumentException.class);
	}

}
