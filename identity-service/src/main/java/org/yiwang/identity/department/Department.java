package org.yiwang.identity.department;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** 部门: a government department of the platform, by its code (SCJG, WSJK, ...), region and parent department. */
@Document("departments")
public class Department {

	@Id
	private String code;

	private String name;

	private String region;

	private String parent;

	@PersistenceCreator
	Department() {
	}

	public Department(String code, String name, String region, String parent) {
		if (code == null || !code.matches("[A-Z0-9_-]{2,32}")) {
			throw new IllegalArgumentException("a department code is upper-case letters and digits");
		}
		this.code = code;
		this.name = name;
		this.region = region;
		this.parent = parent;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getRegion() {
		return region;
	}

	public String getParent() {
		return parent;
	}

}
