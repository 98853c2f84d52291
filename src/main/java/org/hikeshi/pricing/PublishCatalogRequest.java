package org.hikeshi.pricing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * The content of a new catalog version: the whole item list and the packages, in the shape that
 * {@code GET /api/pricing/catalog} returns, so a manager can take the current catalog, change prices and publish.
 */
public record PublishCatalogRequest(@Size(max = 500) String note, @NotEmpty List<@Valid CatalogItem> items,
		List<@Valid CatalogPackage> packages) {

	public PublishCatalogRequest {
		packages = packages == null ? List.of() : packages;
	}

}
