package org.yiwang.exchange.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 of a subject (ID number / USCC) under a secret key ({@code exchange.audit.subject-key}, from the
 * environment in production). The audit log stores this instead of the number: the citizen's own records can be
 * found, but a stolen log cannot be reversed by hashing all 10^11 plausible ID numbers without the key.
 */
@Component
public class SubjectHasher {

	private final SecretKeySpec key;

	SubjectHasher(@Value("${exchange.audit.subject-key}") String key) {
		if (key == null || key.length() < 16) {
			throw new IllegalArgumentException("exchange.audit.subject-key must have at least 16 characters");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	public String hash(String subject) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
