package org.yiwang.license.license;

import java.util.Optional;

/**
 * Who a citizen is, by platform subject: name and ID number as identity-service binds them (统一身份认证). The
 * licence register needs them because a licence names its holder by 公民身份号码, not by login.
 */
public interface HolderIdentities {

	/**
	 * @return the person bound to the subject, or empty when identity-service knows no person for it (404)
	 * @throws IdentityUnavailableException when no answer could be had (down, slow, circuit open, no token)
	 */
	Optional<Person> resolve(String subject);

	/**
	 * @param subject the platform subject asked about
	 * @param name the real name
	 * @param idNumber the ID number, plain: never log it
	 */
	record Person(String subject, String name, String idNumber) {

		@Override
		public String toString() {
			return "Person[" + subject + "]";
		}

	}

	/** identity-service gave no usable answer; the caller defers and tries again later. */
	class IdentityUnavailableException extends RuntimeException {

		public IdentityUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
