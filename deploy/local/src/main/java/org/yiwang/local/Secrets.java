package org.yiwang.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Secrets of a local installation, generated at first start into {@code .run/secrets.env} (mode 600, never
 * committed): demo user password, department-system and partner client secrets, the identity admin client
 * secret, the Keycloak bootstrap admin password, the platform services' own client secrets, the key that encrypts
 * webhook secrets at rest. An environment variable of the same name wins.
 */
final class Secrets {

	static final String[] NAMES = { "DEMO_USER_PASSWORD", "DEPT_SYSTEM_SECRET", "DEPT_WSJK_SYSTEM_SECRET",
			"DEPT_XFJY_SYSTEM_SECRET", "PARTNER_APP_SECRET",
			"IDENTITY_ADMIN_SECRET", "KEYCLOAK_ADMIN_PASSWORD", "EXCHANGE_SUBJECT_KEY", "SVC_APPLICATION_SECRET",
			"SVC_LICENSE_SECRET", "SVC_EXCHANGE_SECRET", "APPLICATION_WEBHOOK_KEY" };

	private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	static Map<String, String> loadOrGenerate(Path file, Map<String, String> environment) throws IOException {
		Properties stored = new Properties();
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				stored.load(reader);
			}
		}
		boolean changed = false;
		Map<String, String> secrets = new LinkedHashMap<>();
		for (String name : NAMES) {
			String value = environment.get(name);
			if (value == null || value.isBlank()) {
				value = stored.getProperty(name);
			}
			if (value == null || value.isBlank()) {
				// satisfies the realm's password policy: length >= 12, digit, upper and lower case
				value = "Demo-" + random(14) + "7aQ";
				stored.setProperty(name, value);
				changed = true;
			}
			secrets.put(name, value);
		}
		if (changed) {
			Files.createDirectories(file.getParent());
			StringBuilder text = new StringBuilder("# generated at first start; local demo secrets, never commit\n");
			for (String name : NAMES) {
				text.append(name).append('=').append(stored.getProperty(name, secrets.get(name))).append('\n');
			}
			Files.writeString(file, text);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
		}
		return secrets;
	}

	static String random(int length) {
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			value.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
		}
		return value.toString();
	}

}
