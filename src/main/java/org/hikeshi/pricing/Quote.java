package org.hikeshi.pricing;

import java.time.LocalDate;
import java.util.List;

/**
 * The quote (御見積書) of an incident. {@code issueDate}, {@code issuer} and {@code registrationNumber} are set
 * when it is issued and null on a draft. Amounts in yen; {@code subtotal} excludes tax, {@code total} includes it.
 */
public record Quote(long incidentId, String number, String incidentReference, QuoteStatus status,
		int catalogVersion, Recipient recipient, LocalDate issueDate, Issuer issuer, String registrationNumber,
		List<PricedLine> lines, long subtotal, long consumptionTax, long total, List<TaxSummary> taxSummary) {

	public Quote {
		lines = List.copyOf(lines);
		taxSummary = List.copyOf(taxSummary);
	}

	static Quote of(long incidentId, String number, String incidentReference, QuoteStatus status, int catalogVersion,
			Recipient recipient, LocalDate issueDate, Issuer issuer, String registrationNumber, List<PricedLine> lines) {
		Totals totals = Totals.of(lines);
		return new Quote(incidentId, number, incidentReference, status, catalogVersion, recipient, issueDate, issuer,
				registrationNumber, lines, totals.subtotal(), totals.consumptionTax(), totals.total(),
				totals.byRate());
	}

	public boolean issued() {
		return this.status == QuoteStatus.ISSUED;
	}

}
