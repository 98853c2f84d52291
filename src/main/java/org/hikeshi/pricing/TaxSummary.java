package org.hikeshi.pricing;

/** The amounts of one consumption-tax rate (税率ごとの対価の額と消費税額), as a qualified invoice states them. */
public record TaxSummary(int ratePercent, long taxableAmount, long consumptionTax) {

}
