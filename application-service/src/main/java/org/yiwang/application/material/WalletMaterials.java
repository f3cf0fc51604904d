package org.yiwang.application.material;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yiwang.application.application.Application;
import org.yiwang.application.application.ApplicationDesk;
import org.yiwang.application.peer.Peers;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.stereotype.Service;

/**
 * 电子证照免提交: the applicant picks a licence from their wallet for an e-licence requirement. The checks that need
 * nothing remote come first (the application is theirs and open, the requirement wants an e-licence and is still
 * outstanding); then license-service, called with the applicant's own token, shows the licence (404 if it is not
 * theirs), and its type and status are checked; only then is the use granted to this application (for as long as
 * license-service allows, 90 days) and the material recorded. If recording fails, the grant is taken back.
 */
@Service
public class WalletMaterials {

	/** license-service grants at most 90 days ahead. */
	static final Duration GRANT_DURATION = Duration.ofDays(90).minusMinutes(5);

	private final ApplicationDesk desk;

	private final PeerCalls peers;

	private final Clock clock;

	WalletMaterials(ApplicationDesk desk, PeerCalls peers, Clock clock) {
		this.desk = desk;
		this.peers = peers;
		this.clock = clock;
	}

	public Application.Material useLicense(CurrentUser user, String applicationId, String requirementKey,
			String licenseNumber) {
		Application application = desk.ownApplication(user, applicationId);
		if (application.getConcludedAt() != null) {
			throw new ConflictException("application " + applicationId + " is concluded", "status",
					"materials can be added while the application is open");
		}
		Application.Requirement requirement = application.requirement(requirementKey);
		if (!"E_LICENSE".equals(requirement.source())) {
			throw new InvalidRequestException("requirement " + requirementKey + " is not an e-licence", "requirementKey",
					"must be a requirement with source E_LICENSE");
		}
		if (!Application.Requirement.OUTSTANDING.equals(requirement.status())) {
			throw new ConflictException("requirement " + requirementKey + " is " + requirement.status(),
					"requirementKey", "must be OUTSTANDING");
		}
		String bearer = Peers.callerBearer();
		PeerCalls.WalletLicense license = peers.walletLicense(bearer, licenseNumber)
			.orElseThrow(() -> new InvalidRequestException("licence " + licenseNumber + " is not in your wallet",
					"licenseNumber", "must be a licence you (or your enterprise) hold"));
		if (!requirement.licenseType().equals(license.type())) {
			throw new InvalidRequestException("licence " + licenseNumber + " is a " + license.typeName(),
					"licenseNumber", "must be an e-licence of type " + requirement.licenseType());
		}
		if (!"VALID".equals(license.status())) {
			throw new InvalidRequestException("licence " + licenseNumber + " is " + license.status(), "licenseNumber",
					"must be a VALID licence");
		}
		Instant now = clock.instant();
		String purpose = "办件 " + applicationId + " 申请材料：" + requirement.name();
		String grantId = peers.grantUse(bearer, licenseNumber, applicationId,
				purpose.length() > 200 ? purpose.substring(0, 200) : purpose, now.plus(GRANT_DURATION));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("licenseType", license.type());
		data.put("licenseName", license.typeName());
		data.put("holderName", license.holderName());
		data.put("validUntil", license.validUntil() == null ? null : license.validUntil().toString());
		data.put("grantId", grantId);
		Application.Material material = new Application.Material("MAT-EL-" + licenseNumber, requirement.name(),
				"E_LICENSE", licenseNumber, null, 0, null, user.subject(), now, requirementKey,
				license.issuingDepartment(), data);
		try {
			desk.addMaterial(user, applicationId, material);
		}
		catch (RuntimeException ex) {
			peers.withdrawGrant(bearer, licenseNumber, grantId);
			throw ex;
		}
		return material;
	}

}
