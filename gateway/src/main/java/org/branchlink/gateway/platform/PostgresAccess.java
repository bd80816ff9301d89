package org.branchlink.gateway.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Who may connect to the embedded PostgreSQL: its superuser {@code postgres} with a password generated on the first
 * start and kept in a file only the application's OS user can read (created with mode 600), checked by SCRAM-SHA-256
 * over 127.0.0.1 or ::1, and no one else. Deleting the file makes the next start choose and set a new password.
 */
final class PostgresAccess {

	/** The server's {@code pg_hba.conf}: a password for every connection, from this machine only; no {@code trust}. */
	static final String HOST_BASED_AUTHENTICATION = """
			# Written by BranchLink at each start of its embedded PostgreSQL (changes here are overwritten).
			# Every connection needs the password kept in the application's data directory (postgres.password).
			local   all   all                 scram-sha-256
			host    all   all   127.0.0.1/32  scram-sha-256
			host    all   all   ::1/128       scram-sha-256
			""";

	/**
	 * While a data directory from before passwords is given one: its role has none yet, so its superuser alone may
	 * connect without one, to its own database over 127.0.0.1, for the moment the application takes to set it.
	 */
	static final String MIGRATION = """
			# Written by BranchLink for the seconds it takes to give this database's superuser a password.
			host    postgres   postgres   127.0.0.1/32  trust
			""";

	private final Path passwordFile;

	private PostgresAccess(Path passwordFile) {
		this.passwordFile = passwordFile;
	}

	/** The access kept in {@code passwordFile} (which need not exist yet). */
	static PostgresAccess at(Path passwordFile) {
		return new PostgresAccess(passwordFile.toAbsolutePath());
	}

	Path passwordFile() {
		return this.passwordFile;
	}

	boolean hasPassword() {
		return Files.exists(this.passwordFile);
	}

	/** The password, generated (256 random bits) into a new file readable by this OS user only when there is none. */
	String password() throws IOException {
		if (!hasPassword()) {
			String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
			try {
				Files.createDirectories(this.passwordFile.getParent());
				Files.writeString(Files.createFile(this.passwordFile,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
						generated + "\n", StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException ex) {
				// another start wrote it first: use theirs
			}
		}
		return Files.readAllLines(this.passwordFile, StandardCharsets.US_ASCII).get(0).strip();
	}

	/** Replaces the data directory's {@code pg_hba.conf} with {@code rules}; the server must be stopped or reloaded. */
	static void writeRules(Path dataDirectory, String rules) {
		try {
			Files.writeString(dataDirectory.resolve("pg_hba.conf"), rules, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not write " + dataDirectory.resolve("pg_hba.conf"), ex);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
