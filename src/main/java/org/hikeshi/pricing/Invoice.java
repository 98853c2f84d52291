package org.hikeshi.pricing;

import java.time.LocalDate;
import java.util.List;

/**
 * The invoice (請求書, a qualified invoice) of an incident: the items of its issued quote and the actual costs,
 * payable by {@code dueDate}. Amounts in yen; {@code subtotal} excludes tax, {@code total} includes it.
 */
public record Invoice(long incidentId, String number, String quoteNumber, String incidentReference,
		int catalogVersion, Recipient recipient, LocalDate issueDate, LocalDate dueDate, Issuer issuer,
		String registrationNumber, List<PricedLine> lines, long subtotal, long consumptionTax, long total,
		List<TaxSummary> taxSummary) {

	public Invoice {
		lines = List.copyOf(lines);
		taxSummary = List.copyOf(taxSummary);
	}

	static Invoice of(long incidentId, String number, String quoteNumber, String incidentReference,
			int catalogVersion, Recipient recipient, LocalDate issueDate, LocalDate dueDate, Issuer issuer,
			String registrationNumber, List<PricedLine> lines) {
		Totals totals = Totals.of(lines);
		return new Invoice(incidentId, number, quoteNumber, incidentReference, catalogVersion, recipient, issueDate,
				dueDate, issuer, registrationNumber, lines, totals.subtotal(), totals.consumptionTax(),
				totals.total(), totals.byRate());
	}

}
