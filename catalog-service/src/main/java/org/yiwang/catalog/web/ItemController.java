package org.yiwang.catalog.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.yiwang.catalog.item.ItemCode;
import org.yiwang.catalog.item.ItemManagement;
import org.yiwang.catalog.item.ItemStatus;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.catalog.search.CatalogIndex;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.web.PageView;

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

/**
 * Items: public browsing of the current published versions and their guides (办事指南); drafting, revising,
 * versioning, publishing and retiring by department admins (own department) and platform admins.
 */
@RestController
@Validated
@RequestMapping("/api/v1/catalog/items")
class ItemController {

	private final CatalogIndex index;

	private final ItemManagement management;

	ItemController(CatalogIndex index, ItemManagement management) {
		this.index = index;
		this.management = management;
	}

	@GetMapping
	PageView<ItemView> published(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) @Size(max = 20) String department,
			@RequestParam(required = false) SubjectType subject,
			@RequestParam(required = false) @Size(max = 12) String region,
			@RequestParam(required = false) @Min(1) @Max(4) Integer minOnlineDepth,
			@RequestParam(required = false) LifeEvent lifeEvent) {
		CatalogIndex.Snapshot snapshot = index.snapshot();
		CatalogIndex.Filter filter = new CatalogIndex.Filter(CatalogIndex.Kind.ITEM, subject, department, region,
				minOnlineDepth, lifeEvent);
		List<ItemView> all = snapshot.entries()
			.stream()
			.filter(filter)
			.sorted(Comparator.comparing(CatalogIndex.Entry::code))
			.map(e -> ItemView.of(snapshot.items().get(e.code())))
			.toList();
		return Pages.of(all, page, size);
	}

	@GetMapping("/{itemCode}")
	ItemView publishedItem(@PathVariable String itemCode) {
		ItemCode code = new ItemCode(itemCode);
		return management.current(code)
			.filter(item -> item.getStatus() == ItemStatus.PUBLISHED)
			.map(ItemView::of)
			.orElseThrow(() -> new NotFoundException("no published item " + itemCode));
	}

	@GetMapping("/{itemCode}/versions")
	List<ItemView> versions(@PathVariable String itemCode) {
		return management.versions(caller(), new ItemCode(itemCode)).stream().map(ItemView::of).toList();
	}

	@GetMapping("/{itemCode}/versions/{version}")
	ItemView version(@PathVariable String itemCode, @PathVariable int version) {
		return management.versions(caller(), new ItemCode(itemCode))
			.stream()
			.filter(v -> v.getItemVersion() == version)
			.findFirst()
			.map(ItemView::of)
			.orElseThrow(() -> new NotFoundException("no version " + version + " of item " + itemCode));
	}

	@PostMapping
	ResponseEntity<ItemView> createDraft(@RequestBody ItemRequest request) {
		if (request.itemCode() == null) {
			throw new InvalidRequestException("itemCode is required", "itemCode", "must be present");
		}
		var item = management.createDraft(CurrentUser.current(), new ItemCode(request.itemCode()),
				request.definition());
		return ResponseEntity
			.created(URI.create("/api/v1/catalog/items/" + item.getItemCode() + "/versions/" + item.getItemVersion()))
			.body(ItemView.of(item));
	}

	/** Revises a draft version; a published version answers 409 (immutable). */
	@PutMapping("/{itemCode}/versions/{version}")
	ItemView revise(@PathVariable String itemCode, @PathVariable int version, @RequestBody ItemRequest request) {
		if (request.itemCode() != null && !request.itemCode().equals(itemCode)) {
			throw new InvalidRequestException("the code cannot change", "itemCode", "must be " + itemCode);
		}
		return ItemView.of(
				management.revise(CurrentUser.current(), new ItemCode(itemCode), version, request.definition()));
	}

	/** Opens a new draft version from the current published one. */
	@PostMapping("/{itemCode}/versions")
	ResponseEntity<ItemView> newVersion(@PathVariable String itemCode) {
		var item = management.newVersion(CurrentUser.current(), new ItemCode(itemCode));
		return ResponseEntity
			.created(URI.create("/api/v1/catalog/items/" + item.getItemCode() + "/versions/" + item.getItemVersion()))
			.body(ItemView.of(item));
	}

	@PostMapping("/{itemCode}/publish")
	ItemView publish(@PathVariable String itemCode) {
		return ItemView.of(management.publishDraft(CurrentUser.current(), new ItemCode(itemCode)));
	}

	@PostMapping("/{itemCode}/retire")
	ItemView retire(@PathVariable String itemCode, @RequestBody(required = false) RetireRequest request) {
		String reason = request == null ? null : request.reason();
		if (reason != null && reason.length() > 500) {
			throw new InvalidRequestException("reason too long", "reason", "must be at most 500 characters");
		}
		return ItemView.of(management.retire(CurrentUser.current(), new ItemCode(itemCode), reason));
	}

	record RetireRequest(String reason) {
	}

	static Optional<CurrentUser> caller() {
		try {
			return Optional.of(CurrentUser.current());
		}
		catch (RuntimeException anonymous) {
			return Optional.empty();
		}
	}

}
