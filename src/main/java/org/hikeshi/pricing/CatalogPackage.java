package org.hikeshi.pricing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A named package of items, such as a published price example. When {@code advertisedPrice} is set, the items
 * must add up to exactly that price (tax excluded); a catalog version where they do not is refused.
 */
public record CatalogPackage(@NotBlank @Pattern(regexp = Catalog.CODE_PATTERN, message = Catalog.CODE_MESSAGE) String code,
		@NotBlank @Size(max = 200) String nameJa, @NotBlank @Size(max = 200) String nameEn,
		@PositiveOrZero Long advertisedPrice, @NotEmpty List<@Valid PackageItem> items) {

	public CatalogPackage {
		items = items == null ? null : List.copyOf(items);
	}

}
