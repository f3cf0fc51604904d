package org.yiwang.application.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.ApplicationDesk;
import org.yiwang.application.material.MaterialStore;
import org.yiwang.application.material.WalletMaterials;
import org.yiwang.shared.ids.TimeOrderedIds;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Materials: the applicant uploads (GridFS, type and size checked, scan hook); the departments of the
 * application's cases list and read them. E-licences come from the applicant's wallet ({@link WalletMaterials});
 * shared data is fetched from the exchange without the applicant ({@code SharedDataPrefiller}).
 */
@RestController
@Validated
class MaterialController {

	private final ApplicationDesk desk;

	private final MaterialStore store;

	private final Clock clock;

	private final WalletMaterials wallet;

	MaterialController(ApplicationDesk desk, MaterialStore store, Clock clock,
			WalletMaterials wallet) {
		this.wallet = wallet;
		this.desk = desk;
		this.store = store;
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/applications/{id}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Application.Material> upload(@PathVariable @Size(max = 60) String id,
			@RequestParam @NotBlank @Size(max = 100) String name, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Size(max = 80) String requirementKey) throws IOException {
		CurrentUser user = CurrentUser.current();
		boolean scanned = ApplicationDesk.atWindow(user);
		Application application = scanned ? desk.windowApplication(user, id) : desk.ownApplication(user, id);
		if (application.getConcludedAt() != null) {
			throw new org.yiwang.shared.web.ConflictException("application " + id + " is concluded", "status",
					"materials can be added while the application is open");
		}
		if (requirementKey != null) {
			application.requirement(requirementKey); // 400 before anything is stored
		}
		MaterialStore.Stored stored = store.store(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
		Application.Material material = new Application.Material(TimeOrderedIds.next("MAT-"), name, "UPLOAD",
				stored.fileId(), file.getContentType(), stored.size(), stored.sha256(), user.subject(), Instant.now(clock),
				requirementKey, scanned ? "窗口扫描" : "申请人上传", null);
		try {
			desk.addMaterial(user, id, material);
		}
		catch (RuntimeException ex) {
			store.delete(stored.fileId());
			throw ex;
		}
		return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/materials/" + material.materialId()))
			.body(material);
	}

	/**
	 * An e-licence from the applicant's wallet answers a requirement (电子证照免提交): the licence must be theirs (or
	 * their enterprise's), of the required type and valid; the applicant's token grants this application its use at
	 * license-service, where every read by the departments is then logged for the holder to see.
	 */
	@PostMapping("/api/v1/applications/{id}/materials/e-licenses")
	ResponseEntity<Application.Material> fromWallet(@PathVariable @Size(max = 60) String id,
			@Valid @RequestBody WalletRequest request) {
		Application.Material material = wallet.useLicense(CurrentUser.current(), id, request.requirementKey(),
				request.licenseNumber());
		return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/materials/" + material.materialId()))
			.body(material);
	}

	record WalletRequest(@NotBlank @Size(max = 80) String requirementKey, @NotBlank @Size(max = 80) String licenseNumber) {
	}

	@GetMapping("/api/v1/cases/{caseId}/materials")
	List<Application.Material> forCase(@PathVariable @Size(max = 60) String caseId) {
		return desk.caseForDepartment(CurrentUser.current(), caseId).getMaterials();
	}

	@GetMapping("/api/v1/cases/{caseId}/materials/{materialId}/content")
	ResponseEntity<byte[]> content(@PathVariable @Size(max = 60) String caseId,
			@PathVariable @Size(max = 60) String materialId) {
		Application application = desk.caseForDepartment(CurrentUser.current(), caseId);
		Application.Material material = application.material(materialId)
			.orElseThrow(() -> new NotFoundException("no material " + materialId));
		if (!"UPLOAD".equals(material.source())) {
			throw new InvalidRequestException("material has no uploaded content", "materialId", "must be an upload");
		}
		MaterialStore.Content content = store.read(material.reference());
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType())).body(content.bytes());
	}

}
