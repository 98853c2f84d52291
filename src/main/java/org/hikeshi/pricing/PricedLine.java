package org.hikeshi.pricing;

/**
 * A line of a quote, an invoice or a priced package: quantity × unit price = amount, in yen, tax excluded, with
 * the consumption-tax rate that applies to it. {@code id} identifies a quote line for adjustments; it is null on
 * package and invoice lines.
 */
public record PricedLine(Long id, LineKind kind, String code, String nameJa, String nameEn, String unitJa,
		String unitEn, int quantity, long unitPrice, long amount, int taxRatePercent) {

	public PricedLine {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity of " + code + " must be at least 1, not " + quantity);
		}
		if (unitPrice < 0) {
			throw new IllegalArgumentException("unit price of " + code + " must not be negative");
		}
		if (amount != Math.multiplyExact(quantity, unitPrice)) {
			throw new IllegalArgumentException("amount of " + code + " must be quantity × unit price");
		}
	}

	static PricedLine of(Long id, LineKind kind, String code, String nameJa, String nameEn, String unitJa,
			String unitEn, int quantity, long unitPrice, int taxRatePercent) {
		return new PricedLine(id, kind, code, nameJa, nameEn, unitJa, unitEn, quantity, unitPrice,
				Math.multiplyExact(quantity, unitPrice), taxRatePercent);
	}

	static PricedLine ofItem(Long id, CatalogItem item, int quantity, int taxRatePercent) {
		return of(id, LineKind.ITEM, item.code(), item.nameJa(), item.nameEn(), item.unitJa(), item.unitEn(),
				quantity, item.unitPrice(), taxRatePercent);
	}

	PricedLine withoutId() {
		return new PricedLine(null, this.kind, this.code, this.nameJa, this.nameEn, this.unitJa, this.unitEn,
				this.quantity, this.unitPrice, this.amount, this.taxRatePercent);
	}

}
