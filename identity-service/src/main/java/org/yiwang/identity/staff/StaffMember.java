package org.yiwang.identity.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** 工作人员: a staff login of one department with its roles, and who onboarded it. */
@Document("staff")
public class StaffMember {

	@Id
	private String subject;

	@Indexed(unique = true)
	private String username;

	private String name;

	@Indexed
	private String department;

	private List<String> roles;

	private String onboardedBy;

	private Instant onboardedAt;

	@PersistenceCreator
	StaffMember() {
	}

	public StaffMember(String subject, String username, String name, String department, List<String> roles,
			String onboardedBy, Instant onboardedAt) {
		this.subject = subject;
		this.username = username;
		this.name = name;
		this.department = department;
		this.roles = List.copyOf(roles);
		this.onboardedBy = onboardedBy;
		this.onboardedAt = onboardedAt;
	}

	public String getSubject() {
		return subject;
	}

	public String getUsername() {
		return username;
	}

	public String getName() {
		return name;
	}

	public String getDepartment() {
		return department;
	}

	public List<String> getRoles() {
		return roles;
	}

	public String getOnboardedBy() {
		return onboardedBy;
	}

	public Instant getOnboardedAt() {
		return onboardedAt;
	}

}
