package org.yiwang.application.application;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** All applications. */
public interface Applications extends MongoRepository<Application, String> {

	Page<Application> findByApplicantSubject(String applicantSubject, Pageable pageable);

	/** The caller's own applications and those of the enterprises they are an authorised agent of. */
	@Query("{ '$or': [ { 'applicantSubject': ?0, 'enterpriseUscc': null }, { 'enterpriseUscc': { '$in': ?1 } } ] }")
	Page<Application> findMine(String applicantSubject, java.util.Collection<String> enterprises, Pageable pageable);

	@Query("{ 'cases.departmentCode': ?0 }")
	Page<Application> findWithCasesOfDepartment(String departmentCode, Pageable pageable);

	@Query("{ 'cases.caseId': ?0 }")
	Optional<Application> findByCaseId(String caseId);

}
