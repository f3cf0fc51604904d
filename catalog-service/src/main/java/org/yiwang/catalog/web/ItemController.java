package org.yiwang.catalog.web;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.CatalogItems;
import org.yiwang.catalog.item.ItemCode;
import org.yiwang.catalog.item.ItemDefinition;
import org.yiwang.catalog.item.ItemManagement;
import org.yiwang.catalog.item.ItemStatus;
import org.yiwang.catalog.item.ItemType;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Items: public reading of published versions; drafting and publishing by department admins. */
@RestController
@Validated
@RequestMapping("/api/v1/catalog/items")
class ItemController {

	private final CatalogItems items;

	private final ItemManagement management;

	ItemController(CatalogItems items, ItemManagement management) {
		this.items = items;
		this.management = management;
	}

	@GetMapping
	PageView<ItemView> published(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Size(max = 20) String department) {
		PageRequest request = PageRequest.of(page, size, Sort.by("itemCode"));
		var result = department == null ? items.findByStatus(ItemStatus.PUBLISHED, request)
				: items.findByStatusAndDepartmentCode(ItemStatus.PUBLISHED, department, request);
		return PageView.of(result.map(ItemView::of));
	}

	@GetMapping("/{itemCode}")
	ItemView publishedItem(@PathVariable String itemCode) {
		return items.findFirstByItemCodeAndStatusOrderByItemVersionDesc(new ItemCode(itemCode).value(),
				ItemStatus.PUBLISHED)
			.map(ItemView::of)
			.orElseThrow(() -> new NotFoundException("no published item " + itemCode));
	}

	@PostMapping
	ResponseEntity<ItemView> createDraft(@Valid @RequestBody CreateItemRequest request) {
		CatalogItem item = management.createDraft(CurrentUser.current(), new ItemCode(request.itemCode()),
				request.definition());
		return ResponseEntity.created(URI.create("/api/v1/catalog/items/" + item.getItemCode()))
			.body(ItemView.of(item));
	}

	@PostMapping("/{itemCode}/publish")
	ItemView publish(@PathVariable String itemCode) {
		return ItemView.of(management.publishDraft(CurrentUser.current(), new ItemCode(itemCode)));
	}

	record CreateItemRequest(@NotBlank String itemCode, @NotBlank @Size(max = 200) String name,
			@NotNull ItemType type, @NotBlank @Size(max = 20) String departmentCode,
			@NotBlank @Size(max = 100) String departmentName, @NotBlank @Size(max = 500) String legalBasis,
			@Min(1) @Max(365) int legalDays, @Min(1) @Max(365) int promisedDays, @Size(max = 40) String licenseType,
			@Size(max = 100) String licenseName, @Min(0) @Max(50) int licenseValidityYears) {

		ItemDefinition definition() {
			return new ItemDefinition(name, type, departmentCode, departmentName, legalBasis, legalDays, promisedDays,
					licenseType, licenseName, licenseValidityYears);
		}

	}

	record ItemView(String itemCode, int version, String name, ItemType type, String typeLabel,
			String departmentCode, String departmentName, String legalBasis, int legalDays, int promisedDays,
			String licenseType, String licenseName, int licenseValidityYears, ItemStatus status) {

		static ItemView of(CatalogItem item) {
			return new ItemView(item.getItemCode(), item.getItemVersion(), item.getName(), item.getType(),
					item.getType().label(), item.getDepartmentCode(), item.getDepartmentName(), item.getLegalBasis(),
					item.getLegalDays(), item.getPromisedDays(), item.getLicenseType(), item.getLicenseName(),
					item.getLicenseValidityYears(), item.getStatus());
		}

	}

}
