package org.yiwang.identity.system;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 部门业务系统: a department's back-office system with its own Keycloak client (client credentials). The secret is
 * never stored here: it is shown once when created or rotated.
 */
@Document("department_systems")
public class DepartmentSystem {

	@Id
	private String clientId;

	private String keycloakId;

	private String name;

	private String department;

	private boolean enabled;

	private String registeredBy;

	private Instant registeredAt;

	private Instant secretRotatedAt;

	private Instant disabledAt;

	private String disabledBy;

	@Version
	private Long revision;

	@PersistenceCreator
	DepartmentSystem() {
	}

	public static DepartmentSystem register(String clientId, String keycloakId, String name, String department,
			String by, Instant now) {
		DepartmentSystem system = new DepartmentSystem();
		system.clientId = clientId;
		system.keycloakId = keycloakId;
		system.name = name;
		system.department = department;
		system.enabled = true;
		system.registeredBy = by;
		system.registeredAt = now;
		system.secretRotatedAt = now;
		return system;
	}

	public void secretRotated(Instant now) {
		if (!enabled) {
			throw new IllegalStateException("a disabled system gets no new secret");
		}
		secretRotatedAt = now;
	}

	public void disable(String by, Instant now) {
		enabled = false;
		disabledBy = by;
		disabledAt = now;
	}

	public String getClientId() {
		return clientId;
	}

	public String getKeycloakId() {
		return keycloakId;
	}

	public String getName() {
		return name;
	}

	public String getDepartment() {
		return department;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public String getRegisteredBy() {
		return registeredBy;
	}

	public Instant getRegisteredAt() {
		return registeredAt;
	}

	public Instant getSecretRotatedAt() {
		return secretRotatedAt;
	}

	public Instant getDisabledAt() {
		return disabledAt;
	}

}
