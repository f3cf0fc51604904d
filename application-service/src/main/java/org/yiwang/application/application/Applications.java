package org.yiwang.application.application;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** All applications. */
public interface Applications extends MongoRepository<Application, String> {

	Page<Application> findByApplicantSubject(String applicantSubject, Pageable pageable);

	@Query("{ 'cases.departmentCode': ?0 }")
	Page<Application> findWithCasesOfDepartment(String departmentCode, Pageable pageable);

	@Query("{ 'cases.caseId': ?0 }")
	Optional<Application> findByCaseId(String caseId);

}
