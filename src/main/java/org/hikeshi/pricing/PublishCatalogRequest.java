package org.hikeshi.pricing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The content of a new catalog version: the whole item list and the packages, in the shape that
 * {@code GET /api/pricing/catalog} returns, so a manager can take the current catalog, change prices and publish.
 * <p>
 * {@code basedOnVersion} (or the {@code version} of the catalog that was taken) is the version the changes were made
 * to: if another version has been published since, the publication is refused with 409 instead of silently
 * replacing a colleague's prices. Without it, the new version simply follows the newest one.
 */
@JsonIgnoreProperties({ "publishedAt", "publishedBy" })
public record PublishCatalogRequest(@Size(max = 500) String note, @NotEmpty List<@Valid CatalogItem> items,
		List<@Valid CatalogPackage> packages, @JsonAlias("version") @Positive Integer basedOnVersion) {

	public PublishCatalogRequest {
		packages = packages == null ? List.of() : packages;
	}

	/** A new version after whatever is the newest one. */
	public PublishCatalogRequest(String note, List<CatalogItem> items, List<CatalogPackage> packages) {
		this(note, items, packages, null);
	}

}
