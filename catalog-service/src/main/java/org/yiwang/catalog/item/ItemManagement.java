package org.yiwang.catalog.item;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Drafting, revising, publishing and retiring item versions. Department admins act only on their own department's
 * items; platform admins on any. Codes are unique: creating an existing code is a conflict, changes go through
 * {@link #newVersion new versions}. At most one draft per item (the next version's document id is taken).
 */
@Service
public class ItemManagement {

	private final CatalogItems items;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ItemManagement(CatalogItems items, Clock clock, ApplicationEventPublisher events) {
		this.items = items;
		this.clock = clock;
		this.events = events;
	}

	public CatalogItem createDraft(CurrentUser user, ItemCode code, ItemDefinition definition) {
		requireMayManage(user, definition.departmentCode());
		if (items.existsByItemCode(code.value())) {
			throw new ConflictException("item code " + code + " is already taken; create a new version instead",
					"itemCode", "must be unique");
		}
		CatalogItem draft = CatalogItem.draft(code, 1, definition, Instant.now(clock));
		code.parent().ifPresent(parentCode -> requireParent(parentCode, code, definition));
		return insert(draft);
	}

	private void requireParent(ItemCode parentCode, ItemCode code, ItemDefinition definition) {
		CatalogItem parent = items.findFirstByItemCodeOrderByItemVersionDesc(parentCode.value()).orElseThrow(() -> new InvalidRequestException(
				"the parent item " + parentCode + " does not exist", "itemCode", "parent " + parentCode + " must exist"));
		ItemLevel expected = code.extensions() == 1 ? ItemLevel.MAIN : ItemLevel.SUB;
		if (parent.getLevel() != expected) {
			throw new InvalidRequestException("the parent item " + parentCode + " is a " + parent.getLevel(), "itemCode",
					"parent " + parentCode + " must be a " + expected);
		}
		if (parent.getStatus() == ItemStatus.RETIRED) {
			throw new InvalidRequestException("the parent item " + parentCode + " is retired", "itemCode",
					"parent " + parentCode + " must not be retired");
		}
		if (!parent.getDepartmentCode().equals(definition.departmentCode())) {
			throw new InvalidRequestException("the parent item belongs to " + parent.getDepartmentCode(),
					"departmentCode", "must be the parent's department " + parent.getDepartmentCode());
		}
	}

	/** Replaces the elements of a draft version; published and retired versions are immutable (409). */
	public CatalogItem revise(CurrentUser user, ItemCode code, int version, ItemDefinition definition) {
		CatalogItem item = items.findById(code.value() + ":v" + version)
			.orElseThrow(() -> new NotFoundException("no version " + version + " of item " + code));
		requireMayManage(user, item.getDepartmentCode());
		item.revise(definition);
		return items.save(item);
	}

	/** Opens a new draft version copying the latest published version. */
	public CatalogItem newVersion(CurrentUser user, ItemCode code) {
		CatalogItem latest = items.findFirstByItemCodeOrderByItemVersionDesc(code.value())
			.orElseThrow(() -> new NotFoundException("no item " + code));
		requireMayManage(user, latest.getDepartmentCode());
		if (latest.getStatus() == ItemStatus.DRAFT) {
			throw new ConflictException("item " + code + " already has an unpublished draft (v"
					+ latest.getItemVersion() + ")", "status", "at most one draft per item");
		}
		if (latest.getStatus() == ItemStatus.RETIRED) {
			throw new ConflictException("item " + code + " is retired", "status", "retired items get no new versions");
		}
		return insert(latest.nextDraft(latest.getItemVersion() + 1, Instant.now(clock)));
	}

	public CatalogItem publishDraft(CurrentUser user, ItemCode code) {
		CatalogItem item = items.findFirstByItemCodeOrderByItemVersionDesc(code.value())
			.orElseThrow(() -> new NotFoundException("no item " + code));
		requireMayManage(user, item.getDepartmentCode());
		item.publish(Instant.now(clock));
		CatalogItem saved = items.save(item);
		events.publishEvent(new CatalogChanged(code.value()));
		return saved;
	}

	/** Retires the item: its current published version becomes RETIRED and {@code catalog.ItemRetired} is sent. */
	public CatalogItem retire(CurrentUser user, ItemCode code, String reason) {
		List<CatalogItem> versions = items.findByItemCodeOrderByItemVersionDesc(code.value());
		if (versions.isEmpty()) {
			throw new NotFoundException("no item " + code);
		}
		requireMayManage(user, versions.get(0).getDepartmentCode());
		CatalogItem current = versions.stream()
			.filter(v -> v.getStatus() != ItemStatus.DRAFT)
			.findFirst()
			.orElseThrow(() -> new ConflictException("item " + code + " was never published", "status",
					"must be PUBLISHED"));
		current.retire(reason, Instant.now(clock));
		CatalogItem saved = items.save(current);
		versions.stream().filter(v -> v.getStatus() == ItemStatus.DRAFT).forEach(items::delete);
		events.publishEvent(new CatalogChanged(code.value()));
		return saved;
	}

	/** The newest version that is not a draft: the published one, or the retired one. */
	public Optional<CatalogItem> current(ItemCode code) {
		return items.findByItemCodeOrderByItemVersionDesc(code.value())
			.stream()
			.filter(v -> v.getStatus() != ItemStatus.DRAFT)
			.findFirst();
	}

	/** All versions, newest first; drafts only for those who may manage the item. */
	public List<CatalogItem> versions(Optional<CurrentUser> user, ItemCode code) {
		List<CatalogItem> versions = items.findByItemCodeOrderByItemVersionDesc(code.value());
		if (versions.isEmpty()) {
			throw new NotFoundException("no item " + code);
		}
		boolean manager = user.map(u -> mayManage(u, versions.get(0).getDepartmentCode())).orElse(false);
		return versions.stream().filter(v -> manager || v.getStatus() != ItemStatus.DRAFT).toList();
	}

	private CatalogItem insert(CatalogItem item) {
		try {
			return items.insert(item);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("version " + item.getItemVersion() + " of " + item.getItemCode()
					+ " was created concurrently", "itemCode", "must be unique");
		}
	}

	public static boolean mayManage(CurrentUser user, String departmentCode) {
		return user.hasRole(CurrentUser.PLATFORM_ADMIN)
				|| (user.hasRole(CurrentUser.DEPT_ADMIN) && departmentCode.equals(user.department()));
	}

	private static void requireMayManage(CurrentUser user, String departmentCode) {
		if (!mayManage(user, departmentCode)) {
			throw new ForbiddenException("department admins manage only their own department's items");
		}
	}

}
