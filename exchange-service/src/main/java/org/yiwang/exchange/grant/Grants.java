package org.yiwang.exchange.grant;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Grants, by consumer and provider department. */
public interface Grants extends MongoRepository<Grant, String> {

	List<Grant> findByResourceCodeAndConsumerDepartmentAndStatusIn(String resourceCode, String consumerDepartment,
			List<GrantStatus> statuses);

	Page<Grant> findByConsumerDepartment(String consumerDepartment, Pageable pageable);

	Page<Grant> findByProviderDepartment(String providerDepartment, Pageable pageable);

	Page<Grant> findByConsumerDepartmentAndStatus(String consumerDepartment, GrantStatus status, Pageable pageable);

	Page<Grant> findByProviderDepartmentAndStatus(String providerDepartment, GrantStatus status, Pageable pageable);

	Page<Grant> findByStatus(GrantStatus status, Pageable pageable);

	List<Grant> findTop100ByStatusAndExpiresAtLessThanEqual(GrantStatus status, Instant now);

}
