package org.hikeshi.pricing;

/** No quote, invoice, line, expense or catalog version where one was asked for. Answered as 404. */
public class PricingNotFoundException extends RuntimeException {

	private final String title;

	PricingNotFoundException(String title, String detail) {
		super(detail);
		this.title = title;
	}

	public String title() {
		return this.title;
	}

	static PricingNotFoundException quote(long incidentId) {
		return new PricingNotFoundException("Quote not found", "Incident " + incidentId
				+ " has no quote yet: it is drafted when the client has decided the response policy.");
	}

	static PricingNotFoundException invoice(long incidentId) {
		return new PricingNotFoundException("Invoice not found",
				"Incident " + incidentId + " has no invoice yet: it is issued when the work is done.");
	}

	static PricingNotFoundException line(long incidentId, long lineId) {
		return new PricingNotFoundException("Quote line not found",
				"The quote of incident " + incidentId + " has no line " + lineId + ".");
	}

	static PricingNotFoundException expense(long incidentId, long expenseId) {
		return new PricingNotFoundException("Expense not found",
				"Incident " + incidentId + " has no expense " + expenseId + ".");
	}

	static PricingNotFoundException catalogVersion(int version) {
		return new PricingNotFoundException("Catalog version not found", "There is no catalog version " + version + ".");
	}

	static PricingNotFoundException noCatalog() {
		return new PricingNotFoundException("No catalog", "No catalog version has been published yet.");
	}

}
