package org.yiwang.license.web;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.yiwang.license.credential.CompactPayload;
import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.license.license.LicenseStatus;
import org.yiwang.license.license.Licenses;
import org.yiwang.license.paper.LicensePdf;
import org.yiwang.license.sharing.HolderAccess;
import org.yiwang.license.sharing.LicenseSharing;
import org.yiwang.shared.web.PageView;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The holder's wallet, and the issuing department's view of its own licences. */
@RestController
@Validated
@RequestMapping("/api/v1/licenses")
class LicenseController {

	private final Licenses licenses;

	private final LicenseSharing sharing;

	private final LicensePdf pdf;

	private final HolderAccess access;

	LicenseController(Licenses licenses, LicenseSharing sharing, LicensePdf pdf, HolderAccess access) {
		this.licenses = licenses;
		this.sharing = sharing;
		this.pdf = pdf;
		this.access = access;
	}

	/**
	 * The wallet: the caller's own licences; with {@code enterprise} (统一社会信用代码) the licences of that enterprise,
	 * for an enterprise agent currently authorised to act for it or a citizen identity-service says may act for it
	 * (its legal representative); 403 otherwise, 503 when identity-service cannot tell.
	 */
	@GetMapping
	PageView<LicenseView> wallet(@RequestParam(required = false) @Size(max = 18) String enterprise,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return PageView.of(access.wallet(enterprise, page, size).map(LicenseView::of));
	}

	/**
	 * One licence: for its holder; for staff and systems of the issuing department; for a grantee quoting a usable
	 * {@code grant} (and, for a grant to an application, the {@code applicationId}). Every read by someone other
	 * than the holder is logged for the holder to see. Anyone else: 404.
	 */
	@GetMapping("/{number}")
	LicenseView one(@PathVariable @Size(max = 80) String number,
			@RequestParam(required = false) @Size(max = 80) String grant,
			@RequestParam(required = false) @Size(max = 80) String applicationId) {
		return LicenseView.of(sharing.read(number, grant, applicationId));
	}

	/** The holder's signed credential and its QR payload, to show on a phone or print. */
	@GetMapping("/{number}/credential")
	CredentialView credential(@PathVariable @Size(max = 80) String number) {
		License license = access.holderLicense(number);
		return new CredentialView(number, "vc+jwt", license.getCredential(),
				CompactPayload.encode(license.getCredential()));
	}

	/** The paper form: an A4 PDF with the licence's data and its QR code, for the holder. */
	@GetMapping(value = "/{number}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable @Size(max = 80) String number) {
		License license = access.holderLicense(number);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(number + ".pdf").build().toString())
			.cacheControl(CacheControl.noStore())
			.body(pdf.render(license));
	}

	/**
	 * @param number licence number
	 * @param format the media type of {@code credential} without {@code application/}
	 * @param credential the W3C verifiable credential as compact JWS
	 * @param qrPayload the compressed form for a QR code, verifiable offline
	 */
	record CredentialView(String number, String format, String credential, String qrPayload) {
	}

	/**
	 * A licence as its holder and its issuing department see it; {@code revision} is what a status change must
	 * quote, {@code history} the status changes with reason and legal basis. The holder's ID number only ever
	 * appears masked here ({@code holderIdentifier}); {@code agentName} is the agent who applied for an enterprise.
	 */
	record LicenseView(String number, String type, String typeName, Holder.Type holderType,
			Holder.IdType holderIdentifierType, String holderIdentifier, String holderName, boolean identityBound,
			String agentName, String issuingDepartment, Instant issuedAt, LocalDate validFrom, LocalDate validUntil,
			LicenseStatus status, String applicationId, String caseId, java.util.Map<String, Object> fields,
			Long revision, java.util.List<License.StatusChange> history) {

		static LicenseView of(License l) {
			return new LicenseView(l.getNumber(), l.getType(), l.getTypeName(), l.getHolderType(),
					l.getHolderIdType(), l.getHolderIdentifierMasked(), l.getHolderName(), l.isIdentityBound(),
					l.getAgentName(), l.getIssuingDepartment(), l.getIssuedAt(), l.getValidFrom(), l.getValidUntil(),
					l.getStatus(), l.getApplicationId(), l.getCaseId(), l.getFields(), l.getRevision(),
					l.getHistory());
		}

	}

}
