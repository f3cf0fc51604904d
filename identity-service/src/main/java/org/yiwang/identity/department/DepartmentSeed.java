package org.yiwang.identity.department;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The platform's departments (demo city: 深圳市, region 440300), written at start when missing. Department codes are
 * the ones in Keycloak's {@code department} attribute and in the catalog.
 */
@Component
class DepartmentSeed implements ApplicationRunner {

	static final String REGION = "440300";

	static final List<Department> DEPARTMENTS = List.of(new Department("SCJG", "市场监督管理局", REGION, null),
			new Department("WSJK", "卫生健康委员会", REGION, null), new Department("XFJY", "消防救援支队", REGION, null),
			new Department("STHJ", "生态环境局", REGION, null), new Department("CSGL", "城市管理和综合执法局", REGION, null),
			new Department("GA", "公安局", REGION, null), new Department("RSJ", "人力资源和社会保障局", REGION, null),
			new Department("YBJ", "医疗保障局", REGION, null), new Department("ZJJ", "住房和建设局", REGION, null),
			new Department("SWJ", "税务局", REGION, null), new Department("ZWFW", "政务服务数据管理局（政务服务中心）", REGION, null));

	private final Departments departments;

	DepartmentSeed(Departments departments) {
		this.departments = departments;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Department department : DEPARTMENTS) {
			if (!departments.existsById(department.getCode())) {
				departments.save(department);
			}
		}
	}

}
