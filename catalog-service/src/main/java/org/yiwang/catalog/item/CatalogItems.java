package org.yiwang.catalog.item;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** All versions of all items. */
public interface CatalogItems extends MongoRepository<CatalogItem, String> {

	Optional<CatalogItem> findFirstByItemCodeOrderByItemVersionDesc(String itemCode);

	List<CatalogItem> findByItemCodeOrderByItemVersionDesc(String itemCode);

	List<CatalogItem> findByStatusIn(List<ItemStatus> statuses);

	boolean existsByItemCode(String itemCode);

}
