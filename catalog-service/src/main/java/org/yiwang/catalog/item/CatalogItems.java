package org.yiwang.catalog.item;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** All versions of all items. */
public interface CatalogItems extends MongoRepository<CatalogItem, String> {

	Optional<CatalogItem> findFirstByItemCodeOrderByItemVersionDesc(String itemCode);

	Optional<CatalogItem> findFirstByItemCodeAndStatusOrderByItemVersionDesc(String itemCode, ItemStatus status);

	Page<CatalogItem> findByStatus(ItemStatus status, Pageable pageable);

	Page<CatalogItem> findByStatusAndDepartmentCode(ItemStatus status, String departmentCode, Pageable pageable);

}
