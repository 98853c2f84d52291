package org.hikeshi.pricing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Subtotal, consumption tax and total of a set of lines. Tax is computed once per rate on the sum of that rate's
 * lines and rounded down (端数切捨て), as the qualified-invoice rules require; never per line.
 */
public record Totals(long subtotal, long consumptionTax, long total, List<TaxSummary> byRate) {

	public Totals {
		byRate = List.copyOf(byRate);
	}

	public static Totals of(Collection<PricedLine> lines) {
		Map<Integer, Long> taxable = new TreeMap<>(Comparator.reverseOrder());
		for (PricedLine line : lines) {
			taxable.merge(line.taxRatePercent(), line.amount(), Math::addExact);
		}
		long subtotal = 0;
		long tax = 0;
		List<TaxSummary> byRate = new java.util.ArrayList<>();
		for (Map.Entry<Integer, Long> rate : taxable.entrySet()) {
			long rateTax = taxOn(rate.getValue(), rate.getKey());
			byRate.add(new TaxSummary(rate.getKey(), rate.getValue(), rateTax));
			subtotal = Math.addExact(subtotal, rate.getValue());
			tax = Math.addExact(tax, rateTax);
		}
		return new Totals(subtotal, tax, Math.addExact(subtotal, tax), byRate);
	}

	/** The tax on an amount at a rate in percent, rounded down to the yen. */
	static long taxOn(long amount, int ratePercent) {
		return Math.floorDiv(Math.multiplyExact(amount, ratePercent), 100);
	}

}
