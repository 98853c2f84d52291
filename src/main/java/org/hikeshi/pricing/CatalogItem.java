package org.hikeshi.pricing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A menu item of one catalog version: what it is, its unit and its unit price in yen (tax excluded). */
public record CatalogItem(@NotBlank @Pattern(regexp = Catalog.CODE_PATTERN, message = Catalog.CODE_MESSAGE) String code,
		@NotNull ItemCategory category, @NotBlank @Size(max = 200) String nameJa,
		@NotBlank @Size(max = 200) String nameEn, @NotBlank @Size(max = 20) String unitJa,
		@NotBlank @Size(max = 20) String unitEn, @NotNull @PositiveOrZero Long unitPrice) {

}
