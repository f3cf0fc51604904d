package org.yiwang.license.sharing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.yiwang.license.license.License;
import org.yiwang.license.license.LicenseStatus;
import org.yiwang.license.license.Licenses;
import org.yiwang.license.pii.PiiProtection;
import org.yiwang.shared.identity.IdNumbers;
import org.yiwang.shared.identity.Usccs;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The e-licence library (电子证照库) as a provider of the data exchange: which licences a subject (enterprise by
 * USCC, person by ID number, found through its keyed hash, never decrypted) holds, for a consumer department's
 * stated purpose. Only the exchange's own service account asks; every licence named in an answer gets a usage log
 * entry, so the holder sees which department looked at it through the exchange, and why.
 */
@Service
@EnableConfigurationProperties(LibraryProperties.class)
public class LicenseLibrary {

	private final Licenses licenses;

	private final LicenseUses uses;

	private final PiiProtection pii;

	private final LibraryProperties properties;

	private final Clock clock;

	LicenseLibrary(Licenses licenses, LicenseUses uses, PiiProtection pii, LibraryProperties properties,
			Clock clock) {
		this.licenses = licenses;
		this.uses = uses;
		this.pii = pii;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One licence as the library tells it.
	 *
	 * @param licenseNumber number
	 * @param licenseType type code
	 * @param licenseName type name
	 * @param issuerDepartment issuing department code
	 * @param status VALID, SUSPENDED, REVOKED or EXPIRED
	 * @param issuedOn day of issue (China Standard Time)
	 * @param validUntil last valid day, null when unlimited
	 */
	public record Entry(String licenseNumber, String licenseType, String licenseName, String issuerDepartment,
			LicenseStatus status, LocalDate issuedOn, LocalDate validUntil) {
	}

	/**
	 * @param licenses the subject's licences, newest first
	 * @param validLicenseCount how many of them are in force today
	 */
	public record Answer(List<Entry> licenses, int validLicenseCount) {
	}

	public Answer query(String resourceCode, String subject, String consumerDepartment, String purpose) {
		CurrentUser user = CurrentUser.current();
		if (!user.hasRole(CurrentUser.PLATFORM_SERVICE) || !properties.clients().contains(user.clientId())) {
			throw new ForbiddenException("only the data exchange queries the e-licence library");
		}
		List<License> held;
		if (subject.length() == 18 && Usccs.problem(subject) == null) {
			held = licenses.findByHolderUscc(Usccs.normalise(subject));
		}
		else if (IdNumbers.problem(subject) == null) {
			held = licenses.findByHolderIdHash(pii.hashIdNumber(subject));
		}
		else {
			throw new InvalidRequestException("subject must be a USCC or an ID number", "subject", "uscc-or-id-number");
		}
		if (held.isEmpty()) {
			throw new NotFoundException("the subject holds no licence");
		}
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.ofInstant(now, IdNumbers.ZONE);
		List<Entry> entries = held.stream()
			.sorted(Comparator.comparing(License::getIssuedAt).reversed())
			.map(l -> new Entry(l.getNumber(), l.getType(), l.getTypeName(), l.getIssuingDepartment(),
					l.getStatus() == LicenseStatus.VALID && l.getValidUntil() != null && today.isAfter(l.getValidUntil())
							? LicenseStatus.EXPIRED : l.getStatus(),
					LocalDate.ofInstant(l.getIssuedAt(), IdNumbers.ZONE), l.getValidUntil()))
			.toList();
		for (License l : held) {
			uses.insert(LicenseUse.of(l.getNumber(), HolderAccess.holderKey(l), "LIBRARY", null, user.subject(),
					user.name(), consumerDepartment, user.clientId(), null, purpose, resourceCode, now));
		}
		return new Answer(entries,
				(int) entries.stream().filter(e -> e.status() == LicenseStatus.VALID).count());
	}

}
