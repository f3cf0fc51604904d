package org.yiwang.identity.department;

import org.springframework.data.mongodb.repository.MongoRepository;

/** All departments, by code. */
public interface Departments extends MongoRepository<Department, String> {

}
