package org.hikeshi.pricing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** An item of a package and how many of it. */
public record PackageItem(@NotBlank String itemCode, @Positive int quantity) {

}
