package org.branchlink.gateway.sip2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SIP2 self-check client for the tests, written from the 3M SIP2 specification (2.00) independently of the server's
 * codec: it builds each request a kiosk sends, with a sequence number and checksum when asked, and reads the answers
 * into their fixed part and fields.
 */
final class KioskClient implements AutoCloseable {

	/** Fixed part lengths of the responses (characters after the code), from the specification. */
	private static final Map<String, Integer> FIXED = Map.ofEntries(Map.entry("94", 1), Map.entry("98", 34),
			Map.entry("24", 35), Map.entry("64", 59), Map.entry("18", 24), Map.entry("12", 22), Map.entry("10", 22),
			Map.entry("30", 22), Map.entry("66", 27), Map.entry("16", 20), Map.entry("36", 19), Map.entry("96", 0));

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd    HHmmss");

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final Charset charset;

	private boolean errorDetection = true;

	private String terminator = "\r";

	private int sequence;

	KioskClient(int port, Charset charset) throws IOException {
		this.socket = new Socket("127.0.0.1", port);
		this.socket.setSoTimeout(20_000);
		// buffered: a kiosk reads its answer at once, not one system call per byte (the benchmark's client shares the CPU)
		this.in = new BufferedInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
		this.charset = charset;
	}

	KioskClient(int port) throws IOException {
		this(port, StandardCharsets.UTF_8);
	}

	KioskClient withoutErrorDetection() {
		errorDetection = false;
		return this;
	}

	KioskClient crlf() {
		terminator = "\r\n";
		return this;
	}

	/** Now in the county, as a SIP2 date. */
	static String now() {
		return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).format(DATE);
	}

	Response login(String user, String password) throws IOException {
		return send("9300CN" + user + "|CO" + password + "|CPbaishi|");
	}

	Response scStatus() throws IOException {
		return send("9900302.00");
	}

	Response patronStatus(String card, String password) throws IOException {
		return send("23019" + now() + "AObaishi|AA" + card + "|AC|" + (password == null ? "" : "AD" + password + "|"));
	}

	/** Patron information; {@code list} is the summary position (0 holds ready, 1 overdue, 2 charged, 5 holds waiting). */
	Response patronInformation(String card, int list) throws IOException {
		String summary = " ".repeat(list) + "Y" + " ".repeat(9 - list);
		return send("63019" + now() + summary + "AObaishi|AA" + card + "|AC|BP00001|BQ00099|");
	}

	Response itemInformation(String barcode) throws IOException {
		return send("17" + now() + "AObaishi|AB" + barcode + "|AC|");
	}

	Response checkout(String card, String barcode, String date) throws IOException {
		return send("11YN" + date + " ".repeat(18) + "AObaishi|AA" + card + "|AB" + barcode + "|AC|BON|BIN|");
	}

	Response checkin(String barcode, String date) throws IOException {
		return send("09N" + date + date + "APbaishi|AObaishi|AB" + barcode + "|AC|BIN|");
	}

	Response renew(String card, String barcode) throws IOException {
		return renew(card, barcode, now());
	}

	Response renew(String card, String barcode, String date) throws IOException {
		return send("29NN" + date + " ".repeat(18) + "AObaishi|AA" + card + "|AB" + barcode + "|AC|BON|");
	}

	Response renewAll(String card) throws IOException {
		return send("65" + now() + "AObaishi|AA" + card + "|AC|BON|");
	}

	/** A hold: mode + (place), - (cancel); type 2 any copy of the title, 3 this copy. */
	Response hold(char mode, String card, String barcode, int type) throws IOException {
		return send("15" + mode + now() + "BSbaishi|BY" + type + "|AObaishi|AA" + card + "|AB" + barcode + "|AC|");
	}

	Response endSession(String card) throws IOException {
		return send("35" + now() + "AObaishi|AA" + card + "|AC|");
	}

	/** Sends a message (adding AY/AZ when error detection is on) and reads the answer. */
	Response send(String message) throws IOException {
		String full = errorDetection ? withChecksum(message, sequence++ % 10, charset) : message;
		return sendRaw(full);
	}

	/** Sends the text as it is, with the terminator, and reads the answer. */
	Response sendRaw(String text) throws IOException {
		out.write((text + terminator).getBytes(charset));
		out.flush();
		return Response.of(readLine(), charset);
	}

	/** Sends bytes as they are, without reading. */
	void write(byte[] bytes) throws IOException {
		out.write(bytes);
		out.flush();
	}

	/** Reads until the server closes the connection or sends something: -1 when it closed. */
	int read() throws IOException {
		return in.read();
	}

	/** One answer with its terminator (CR, or CR LF), as bytes. */
	byte[] readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0; b = in.read()) {
			line.write(b);
			if (b == '\r') {
				if (terminator.equals("\r\n")) {
					line.write(in.read());
				}
				return line.toByteArray();
			}
		}
		throw new IOException("connection closed by the server");
	}

	/** The message with {@code AY<n>AZ<checksum>}: the checksum per the specification, over the message's bytes. */
	static String withChecksum(String message, int sequence, Charset charset) {
		String head = message + "AY" + sequence + "AZ";
		int sum = 0;
		for (byte b : head.getBytes(charset)) {
			sum += b & 0xFF;
		}
		return head + String.format("%04X", (-sum) & 0xFFFF);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}

	/**
	 * An answer.
	 *
	 * @param code its code
	 * @param fixed its fixed part
	 * @param fields its variable fields in order, each {@code {id, value}}
	 * @param raw the whole line, terminator included
	 */
	record Response(String code, String fixed, List<String[]> fields, String raw) {

		static Response of(byte[] bytes, Charset charset) {
			String raw = new String(bytes, charset);
			String line = raw.replaceAll("[\r\n]+$", "").replaceAll("AY[0-9]AZ[0-9A-F]{4}$", "");
			String code = line.substring(0, 2);
			int end = 2 + FIXED.getOrDefault(code, 0);
			List<String[]> fields = new ArrayList<>();
			for (String part : line.substring(end).split("\\|")) {
				if (part.length() >= 2) {
					fields.add(new String[] { part.substring(0, 2), part.substring(2) });
				}
			}
			return new Response(code, line.substring(2, end), fields, raw);
		}

		Optional<String> field(String id) {
			return fields.stream().filter(f -> f[0].equals(id)).map(f -> f[1]).findFirst();
		}

		List<String> all(String id) {
			return fields.stream().filter(f -> f[0].equals(id)).map(f -> f[1]).toList();
		}

		/** The first character of the fixed part: ok / end session / online status. */
		boolean ok() {
			return fixed.charAt(0) == '1' || fixed.charAt(0) == 'Y';
		}

	}

}
