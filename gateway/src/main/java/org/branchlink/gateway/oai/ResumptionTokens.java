package org.branchlink.gateway.oai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.branchlink.catalog.Change;
import org.branchlink.catalog.ChangeQuery;

/**
 * Resumption tokens as text: the {@link ResumptionToken}'s fields, then an HMAC-SHA256 of them under the provider's
 * key, both in URL-safe Base64. A token that was altered, made up or signed under another key, or whose time is over,
 * is refused (badResumptionToken); nothing is kept on the server, so any node honours any node's token.
 */
class ResumptionTokens {

	private static final int VERSION = 1;

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	ResumptionTokens(byte[] key) {
		this.key = new SecretKeySpec(key, ALGORITHM);
	}

	String write(ResumptionToken token) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeByte(VERSION);
			out.writeUTF(token.format().name());
			ChangeQuery query = token.query();
			out.writeBoolean(query.works());
			out.writeBoolean(query.events());
			out.writeUTF(query.scope().name());
			out.writeUTF(query.scopeId() == null ? "" : query.scopeId());
			out.writeLong(query.from() == null ? Long.MIN_VALUE : micros(query.from()));
			out.writeLong(micros(query.before()));
			out.writeLong(micros(token.after().changedAt()));
			out.writeUTF(token.after().kind().name());
			out.writeUTF(token.after().id());
			out.writeLong(token.cursor());
			out.writeLong(token.completeListSize());
			out.writeLong(token.expires().getEpochSecond());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] payload = bytes.toByteArray();
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
	}

	/** The token's content, when it is genuine and still honoured at {@code now}. */
	ResumptionToken read(String text, Instant now) {
		int dot = text.indexOf('.');
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(text.substring(0, Math.max(dot, 0)));
			signature = DECODER.decode(text.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw refused("The resumption token is not one of this repository's.");
		}
		if (dot < 0 || !MessageDigest.isEqual(mac(payload), signature)) {
			throw refused("The resumption token is not one of this repository's.");
		}
		ResumptionToken token = decode(payload);
		if (!now.isBefore(token.expires())) {
			throw refused("The resumption token expired at " + token.expires() + "; start the list again.");
		}
		return token;
	}

	private static ResumptionToken decode(byte[] payload) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
			if (in.readByte() != VERSION) {
				throw refused("The resumption token is of an older version; start the list again.");
			}
			MetadataFormat format = MetadataFormat.valueOf(in.readUTF());
			boolean works = in.readBoolean();
			boolean events = in.readBoolean();
			ChangeQuery.Scope scope = ChangeQuery.Scope.valueOf(in.readUTF());
			String scopeId = in.readUTF();
			long from = in.readLong();
			Instant before = instant(in.readLong());
			Instant afterAt = instant(in.readLong());
			Change.Kind kind = Change.Kind.valueOf(in.readUTF());
			String id = in.readUTF();
			ChangeQuery query = new ChangeQuery(works, events, scope, scopeId.isEmpty() ? null : scopeId,
					from == Long.MIN_VALUE ? null : instant(from), before);
			return new ResumptionToken(format, query, new Change.Position(afterAt, kind, id), in.readLong(),
					in.readLong(), Instant.ofEpochSecond(in.readLong()));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw refused("The resumption token cannot be read.");
		}
	}

	private byte[] mac(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", ex);
		}
	}

	private static OaiRefusal refused(String message) {
		return new OaiRefusal(OaiError.BAD_RESUMPTION_TOKEN, message);
	}

	private static long micros(Instant instant) {
		return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
	}

	private static Instant instant(long micros) {
		return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000);
	}

}
