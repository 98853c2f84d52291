package org.hikeshi.pricing;

import java.util.List;

/**
 * A package priced from a catalog version: {@code subtotal} is the price tax excluded (the published example
 * price), {@code consumptionTax} and {@code total} what a client pays with tax.
 */
public record PricedPackage(String code, String nameJa, String nameEn, int catalogVersion, Long advertisedPrice,
		List<PricedLine> lines, long subtotal, long consumptionTax, long total) {

	public PricedPackage {
		lines = List.copyOf(lines);
	}

}
