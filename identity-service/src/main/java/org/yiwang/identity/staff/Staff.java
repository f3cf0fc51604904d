package org.yiwang.identity.staff;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** All onboarded staff. */
public interface Staff extends MongoRepository<StaffMember, String> {

	Page<StaffMember> findByDepartment(String department, Pageable pageable);

}
