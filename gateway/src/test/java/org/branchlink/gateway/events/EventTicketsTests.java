package org.branchlink.gateway.events;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ticket's token names its registration and verifies only as it was signed (not altered, not under another key), and
 * holds no card number; its QR code, drawn as SVG, reads back as the token.
 */
class EventTicketsTests {

	private final EventTickets tickets = new EventTickets(null, "a test secret");

	@Test
	void aTokenVerifiesOnlyAsItWasSigned() {
		String token = tickets.token(42, 7);
		assertThat(token).startsWith("BLT1.").doesNotContain("42");
		assertThat(tickets.verify(token)).contains(42L);
		String[] parts = token.split("\\.");
		String otherIds = tickets.token(43, 7).split("\\.")[1];
		assertThat(tickets.verify(parts[0] + "." + otherIds + "." + parts[2])).as("ids swapped under the signature").isEmpty();
		assertThat(tickets.verify(new EventTickets(null, "another secret").token(42, 7))).as("another key").isEmpty();
		assertThat(tickets.verify("BLT1.not-base64!.x")).isEmpty();
		assertThat(tickets.verify("")).isEmpty();
	}

	@Test
	void theQrCodeReadsBackAsTheToken() throws Exception {
		String token = tickets.token(123456, 789);
		String svg = QrSvg.of(token);
		assertThat(svg).startsWith("<svg").contains("viewBox");
		Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(box.find()).isTrue();
		int size = Integer.parseInt(box.group(1));
		int scale = 4;
		int[] pixels = new int[size * scale * size * scale];
		Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
				}
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size * scale, size * scale, pixels)));
		assertThat(new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText()).isEqualTo(token);
	}

}
