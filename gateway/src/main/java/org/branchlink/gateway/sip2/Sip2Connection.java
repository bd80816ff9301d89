package org.branchlink.gateway.sip2;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk's TCP connection, served by one thread: reads messages ended by CR, CRLF or LF, hands each to its
 * {@link Sip2Session} and writes the answer with the terminator the kiosk used. Closes the connection when the kiosk
 * is silent or leaves a message unfinished longer than the idle timeout (stalled), sends a message longer than the
 * limit or more messages a second than the limit (flooding), or when the session says so.
 */
final class Sip2Connection implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(Sip2Connection.class);

	private final Socket socket;

	private final Sip2Session session;

	private final Sip2Properties limits;

	private final Runnable closed;

	Sip2Connection(Socket socket, Sip2Session session, Sip2Properties limits, Runnable closed) {
		this.socket = socket;
		this.session = session;
		this.limits = limits;
		this.closed = closed;
	}

	@Override
	public void run() {
		try (socket) {
			socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, limits.idleTimeout().toMillis()));
			socket.setTcpNoDelay(true);
			serve(new BufferedInputStream(socket.getInputStream()), new BufferedOutputStream(socket.getOutputStream()));
		}
		catch (SocketTimeoutException ex) {
			log.info("SIP2 {}: nothing received for {}; connection closed", session.who(), limits.idleTimeout());
		}
		catch (IOException ex) {
			log.debug("SIP2 {}: connection ended: {}", session.who(), ex.toString());
		}
		finally {
			closed.run();
		}
	}

	private void serve(InputStream in, OutputStream out) throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream(256);
		long idleNanos = limits.idleTimeout().toNanos();
		long started = 0;
		long second = System.nanoTime();
		int inSecond = 0;
		for (int b = in.read(); b >= 0; b = in.read()) {
			if (b != '\r' && b != '\n') {
				if (message.size() == 0) {
					started = System.nanoTime();
				}
				else if (System.nanoTime() - started > idleNanos) {
					log.warn("SIP2 {}: a message unfinished after {}; connection closed", session.who(), limits.idleTimeout());
					return;
				}
				if (message.size() >= limits.maxMessageLength()) {
					log.warn("SIP2 {}: a message longer than {} bytes; connection closed", session.who(),
							limits.maxMessageLength());
					return;
				}
				message.write(b);
				continue;
			}
			if (message.size() == 0) {
				continue; // the LF of a CRLF, or an empty line
			}
			boolean crlf = b == '\r' && lineFeedFollows(in);
			long now = System.nanoTime();
			if (now - second >= 1_000_000_000L) {
				second = now;
				inSecond = 0;
			}
			if (++inSecond > limits.maxMessagesPerSecond()) {
				log.warn("SIP2 {}: more than {} messages a second; connection closed", session.who(),
						limits.maxMessagesPerSecond());
				return;
			}
			Sip2Session.Reply reply = session.handle(message.toString(session.charset()));
			message.reset();
			if (reply.text() != null) {
				out.write((reply.text() + (crlf ? "\r\n" : "\r")).getBytes(session.charset()));
				out.flush();
			}
			if (reply.close()) {
				return;
			}
		}
	}

	/** Whether an LF already received follows the CR just read (consumed if so). */
	private static boolean lineFeedFollows(InputStream in) throws IOException {
		if (in.available() == 0) {
			return false;
		}
		in.mark(1);
		if (in.read() == '\n') {
			return true;
		}
		in.reset();
		return false;
	}

}
