package org.yiwang.license.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.license.license.Licenses;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Who may read a licence besides its holder, and the log of every such read. The holder grants and withdraws; a
 * department reads its own licences, anyone else only under a usable grant naming them. A once-only grant is
 * consumed atomically, so two concurrent reads cannot both use it.
 */
@Service
public class LicenseSharing {

	static final Duration MAX_GRANT = Duration.ofDays(90);

	private static final String[] STAFF = { CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN, CurrentUser.WINDOW_CLERK,
			CurrentUser.DEPT_SYSTEM };

	private final Licenses licenses;

	private final Grants grants;

	private final LicenseUses uses;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final HolderAccess access;

	LicenseSharing(Licenses licenses, Grants grants, LicenseUses uses, MongoTemplate mongo, Clock clock,
			HolderAccess access) {
		this.licenses = licenses;
		this.grants = grants;
		this.uses = uses;
		this.mongo = mongo;
		this.clock = clock;
		this.access = access;
	}

	public Grant grant(String number, Grant.GranteeType type, String grantee, String purpose, boolean onceOnly,
			Instant expiresAt) {
		License license = holderLicense(number);
		Instant now = Instant.now(clock);
		if (expiresAt == null || !expiresAt.isAfter(now)) {
			throw new InvalidRequestException("a grant must expire in the future", "expiresAt", "future");
		}
		if (expiresAt.isAfter(now.plus(MAX_GRANT))) {
			throw new InvalidRequestException("a grant lasts at most 90 days", "expiresAt", "max-90-days");
		}
		if (type == Grant.GranteeType.DEPARTMENT && !grantee.matches("[A-Z0-9]{1,16}")) {
			throw new InvalidRequestException("grantee must be a department code", "grantee", "department-code");
		}
		return grants.insert(Grant.create(license.getNumber(), HolderAccess.holderKey(license), type, grantee,
				purpose, onceOnly, now, expiresAt));
	}

	public List<Grant> grants(String number) {
		return grants.findByLicenseNumberOrderByCreatedAtDesc(holderLicense(number).getNumber());
	}

	public void withdraw(String number, String grantId) {
		License license = holderLicense(number);
		Grant grant = grants.findById(grantId)
			.filter(g -> g.getLicenseNumber().equals(license.getNumber()))
			.orElseThrow(() -> new NotFoundException("no grant " + grantId));
		grant.withdraw(Instant.now(clock));
		grants.save(grant);
	}

	public Page<LicenseUse> uses(String number, int page, int size) {
		return uses.findByLicenseNumber(holderLicense(number).getNumber(),
				PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at")));
	}

	/**
	 * Reads a licence for the current caller: the holder freely; the issuing department's staff and systems, and
	 * grantees under a usable grant, with every read logged. Anyone else gets 404, as if it did not exist.
	 */
	public License read(String number, String grantId, String applicationId) {
		CurrentUser user = CurrentUser.current();
		License license = licenses.findById(number).orElseThrow(() -> new NotFoundException("no licence " + number));
		if (access.actsAsHolder(license, user)) {
			return license;
		}
		Instant now = Instant.now(clock);
		if (grantId == null && user.department() != null && user.department().equals(license.getIssuingDepartment())
				&& user.hasAnyRole(STAFF)) {
			log(license, "OWN_DEPARTMENT", null, user, applicationId, "本部门证照管理", now);
			return license;
		}
		if (grantId == null && license.getHolderType() == Holder.Type.ENTERPRISE && HolderAccess.mayAskIdentity(user)) {
			throw new ForbiddenException("you may not act for the enterprise holding this licence");
		}
		if (grantId == null) {
			throw new NotFoundException("no licence " + number);
		}
		Grant grant = grants.findById(grantId)
			.filter(g -> g.getLicenseNumber().equals(number))
			.orElseThrow(() -> new NotFoundException("no licence " + number));
		if (!user.hasAnyRole(STAFF) || !namesCaller(grant, user, applicationId)) {
			throw new ForbiddenException("this grant is not for you");
		}
		String unusable = grant.unusableBecause(now);
		if (unusable != null) {
			throw new ForbiddenException(unusable);
		}
		if (grant.isOnceOnly() && mongo.updateFirst(
				new Query(Criteria.where("_id").is(grant.getId()).and("usedAt").is(null)),
				new Update().set("usedAt", now).inc("revision", 1), Grant.class).getModifiedCount() == 0) {
			throw new ForbiddenException("this once-only grant was already used");
		}
		log(license, "GRANT", grant.getId(), user, applicationId, grant.getPurpose(), now);
		return license;
	}

	private static boolean namesCaller(Grant grant, CurrentUser user, String applicationId) {
		return switch (grant.getGranteeType()) {
			case DEPARTMENT -> grant.getGrantee().equals(user.department());
			case APPLICATION -> grant.getGrantee().equals(applicationId);
		};
	}

	private void log(License license, String basis, String grantId, CurrentUser user, String applicationId,
			String purpose, Instant now) {
		uses.insert(LicenseUse.of(license.getNumber(), HolderAccess.holderKey(license), basis, grantId,
				user.subject(), user.name(), user.department(), user.clientId(), applicationId, purpose, null, now));
	}

	private License holderLicense(String number) {
		return access.holderLicense(number);
	}

}
