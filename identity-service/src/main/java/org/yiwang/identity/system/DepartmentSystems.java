package org.yiwang.identity.system;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** All registered department systems, by client id. */
public interface DepartmentSystems extends MongoRepository<DepartmentSystem, String> {

	Page<DepartmentSystem> findByDepartment(String department, Pageable pageable);

}
