package org.yiwang.catalog.item;

import java.time.Clock;
import java.time.Instant;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Drafting and publishing items. Department admins act only on their own department's items; platform admins on
 * any.
 */
@Service
public class ItemManagement {

	private final CatalogItems items;

	private final Clock clock;

	ItemManagement(CatalogItems items, Clock clock) {
		this.items = items;
		this.clock = clock;
	}

	public CatalogItem createDraft(CurrentUser user, ItemCode code, ItemDefinition definition) {
		requireMayManage(user, definition.departmentCode());
		int nextVersion = items.findFirstByItemCodeOrderByItemVersionDesc(code.value()).map(existing -> {
			if (existing.getStatus() == ItemStatus.DRAFT) {
				throw new ConflictException("item " + code + " already has an unpublished draft (v"
						+ existing.getItemVersion() + ")", "itemCode", "at most one draft per item");
			}
			if (!existing.getDepartmentCode().equals(definition.departmentCode())) {
				throw new ConflictException("item " + code + " belongs to department " + existing.getDepartmentCode(),
						"departmentCode", "must stay " + existing.getDepartmentCode());
			}
			return existing.getItemVersion() + 1;
		}).orElse(1);
		return items.insert(CatalogItem.draft(code, nextVersion, definition, Instant.now(clock)));
	}

	public CatalogItem publishDraft(CurrentUser user, ItemCode code) {
		CatalogItem item = items.findFirstByItemCodeOrderByItemVersionDesc(code.value())
			.orElseThrow(() -> new NotFoundException("no item " + code));
		requireMayManage(user, item.getDepartmentCode());
		item.publish(Instant.now(clock));
		return items.save(item);
	}

	private static void requireMayManage(CurrentUser user, String departmentCode) {
		if (user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			return;
		}
		if (!user.hasRole(CurrentUser.DEPT_ADMIN) || !departmentCode.equals(user.department())) {
			throw new ForbiddenException("department admins manage only their own department's items");
		}
	}

}
