package org.yiwang.exchange.resource;

import java.time.Clock;
import java.util.regex.Pattern;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Publishing to the catalog: only the provider department's admin (or a platform admin) speaks for a resource.
 */
@Service
public class ResourceManagement {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,5}");

	private final DataResources resources;

	private final Clock clock;

	ResourceManagement(DataResources resources, Clock clock) {
		this.resources = resources;
		this.clock = clock;
	}

	public DataResource publish(CurrentUser user, String code, ResourceDefinition definition) {
		if (code == null || code.length() > 40 || !CODE.matcher(code).matches()) {
			throw new InvalidRequestException("code must be upper-case words joined by '-'", "code",
					"must match " + CODE.pattern() + " (max 40)");
		}
		requireProviderAdmin(user, definition.providerDepartment());
		if (resources.existsById(code)) {
			throw new ConflictException("resource " + code + " already exists", "code", "must be unique");
		}
		return resources.insert(DataResource.publish(code, definition, user.username(), clock.instant()));
	}

	public DataResource update(CurrentUser user, String code, ResourceDefinition definition, long revision) {
		DataResource resource = resources.findById(code).orElseThrow(() -> new NotFoundException("no data resource " + code));
		requireProviderAdmin(user, resource.getProviderDepartment());
		resource.update(definition, revision, user.username(), clock.instant());
		return resources.save(resource);
	}

	private static void requireProviderAdmin(CurrentUser user, String department) {
		if (user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			return;
		}
		if (!user.hasRole(CurrentUser.DEPT_ADMIN)) {
			throw new ForbiddenException("only the provider department's admin publishes its resources");
		}
		user.requireDepartment(department);
	}

}
