package org.yiwang.catalog.theme;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.yiwang.catalog.item.CatalogChanged;
import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.ItemCode;
import org.yiwang.catalog.item.ItemManagement;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Saving and publishing themes: only platform admins (themes cut across departments). A theme is validated on
 * save — structurally and against the catalog — and again on publish, since items may have been retired since.
 */
@Service
public class ThemeManagement {

	private final Themes themes;

	private final ItemManagement items;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ThemeManagement(Themes themes, ItemManagement items, Clock clock, ApplicationEventPublisher events) {
		this.themes = themes;
		this.items = items;
		this.clock = clock;
		this.events = events;
	}

	public Theme save(CurrentUser user, ThemeCode code, ThemeDefinition definition) {
		requirePlatformAdmin(user);
		definition.validateAgainst(this::current);
		Instant now = Instant.now(clock);
		Theme theme = themes.findById(code.value()).orElse(null);
		if (theme == null) {
			return themes.insert(new Theme(code, definition, now));
		}
		theme.revise(definition, now);
		return themes.save(theme);
	}

	public Theme publish(CurrentUser user, ThemeCode code) {
		requirePlatformAdmin(user);
		Theme theme = themes.findById(code.value()).orElseThrow(() -> new NotFoundException("no theme " + code.value()));
		Map<String, CatalogItem> catalog = new HashMap<>();
		if (theme.getDraft() != null) {
			theme.getDraft()
				.itemCodes()
				.forEach(c -> current(c).ifPresent(item -> catalog.put(c, item)));
		}
		theme.publish(catalog, Instant.now(clock));
		Theme saved = themes.save(theme);
		events.publishEvent(new CatalogChanged(code.value()));
		return saved;
	}

	public Theme draft(CurrentUser user, ThemeCode code) {
		requirePlatformAdmin(user);
		return themes.findById(code.value()).orElseThrow(() -> new NotFoundException("no theme " + code.value()));
	}

	private java.util.Optional<CatalogItem> current(String itemCode) {
		try {
			return items.current(new ItemCode(itemCode));
		}
		catch (org.yiwang.shared.web.InvalidRequestException malformed) {
			return java.util.Optional.empty();
		}
	}

	private static void requirePlatformAdmin(CurrentUser user) {
		if (!user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			throw new ForbiddenException("themes are managed by platform admins");
		}
	}

}
