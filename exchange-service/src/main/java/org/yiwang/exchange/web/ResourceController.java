package org.yiwang.exchange.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.DataResources;
import org.yiwang.exchange.resource.ResourceDefinition;
import org.yiwang.exchange.resource.ResourceManagement;
import org.yiwang.exchange.resource.ServingMode;
import org.yiwang.exchange.resource.SharingType;
import org.yiwang.exchange.resource.SubjectType;
import org.yiwang.exchange.resource.UpdateFrequency;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared data catalog: readable by government staff and systems, published by provider department admins. */
@RestController
@Validated
@RequestMapping("/api/v1/exchange/resources")
class ResourceController {

	private final DataResources resources;

	private final ResourceManagement management;

	ResourceController(DataResources resources, ResourceManagement management) {
		this.resources = resources;
		this.management = management;
	}

	@GetMapping
	PageView<ResourceView> all(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Size(max = 20) String provider) {
		PageRequest request = PageRequest.of(page, size, Sort.by("code"));
		var result = provider == null ? resources.findAll(request)
				: resources.findByProviderDepartment(provider, request);
		return PageView.of(result.map(ResourceView::of));
	}

	@GetMapping("/{code}")
	ResourceView one(@PathVariable String code) {
		return resources.findById(code)
			.map(ResourceView::of)
			.orElseThrow(() -> new NotFoundException("no data resource " + code));
	}

	@PostMapping
	ResponseEntity<ResourceView> publish(@Valid @RequestBody PublishRequest request) {
		DataResource resource = management.publish(CurrentUser.current(), request.code(), request.definition());
		return ResponseEntity.created(URI.create("/api/v1/exchange/resources/" + resource.getCode()))
			.body(ResourceView.of(resource));
	}

	@PutMapping("/{code}")
	ResourceView update(@PathVariable String code, @Valid @RequestBody UpdateRequest request) {
		return ResourceView.of(management.update(CurrentUser.current(), code, request.definition(), request.revision()));
	}

	record FieldRequest(String name, String label, String type,
			org.yiwang.exchange.resource.Sensitivity sensitivity) {

		DataResource.Field field() {
			return new DataResource.Field(name, label, type == null ? "STRING" : type, sensitivity);
		}

	}

	record PublishRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
			@NotBlank String providerDepartment, @NotNull SubjectType subjectType, @NotNull SharingType sharingType,
			@NotBlank @Size(max = 500) String legalBasis, @NotNull UpdateFrequency updateFrequency,
			@NotNull ServingMode servingMode, @Size(max = 500) String providerBaseUrl,
			@NotNull @Size(min = 1, max = 100) List<@NotNull FieldRequest> fields, Integer cacheTtl) {

		ResourceDefinition definition() {
			return new ResourceDefinition(name, providerDepartment, subjectType, sharingType, legalBasis,
					updateFrequency, servingMode, providerBaseUrl, fields.stream().map(FieldRequest::field).toList(),
					cacheTtl == null ? 0 : cacheTtl);
		}

	}

	record UpdateRequest(@NotNull Long revision, @NotBlank @Size(max = 100) String name,
			@NotBlank String providerDepartment, @NotNull SubjectType subjectType, @NotNull SharingType sharingType,
			@NotBlank @Size(max = 500) String legalBasis, @NotNull UpdateFrequency updateFrequency,
			@NotNull ServingMode servingMode, @Size(max = 500) String providerBaseUrl,
			@NotNull @Size(min = 1, max = 100) List<@NotNull FieldRequest> fields, Integer cacheTtl) {

		ResourceDefinition definition() {
			return new ResourceDefinition(name, providerDepartment, subjectType, sharingType, legalBasis,
					updateFrequency, servingMode, providerBaseUrl, fields.stream().map(FieldRequest::field).toList(),
					cacheTtl == null ? 0 : cacheTtl);
		}

	}

	record ResourceView(String code, String name, String providerDepartment, String providerDepartmentName,
			SubjectType subjectType, SharingType sharingType, String legalBasis, UpdateFrequency updateFrequency,
			ServingMode servingMode, String providerBaseUrl, List<DataResource.Field> fields, int cacheTtl,
			Long revision) {

		static ResourceView of(DataResource r) {
			return new ResourceView(r.getCode(), r.getName(), r.getProviderDepartment(),
					org.yiwang.exchange.Departments.name(r.getProviderDepartment()), r.getSubjectType(),
					r.getSharingType(), r.getLegalBasis(), r.getUpdateFrequency(), r.getServingMode(),
					r.getProviderBaseUrl(), r.getFields(), r.getCacheTtl(), r.getRevision());
		}

	}

}
