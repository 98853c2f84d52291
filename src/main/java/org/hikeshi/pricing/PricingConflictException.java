package org.hikeshi.pricing;

/**
 * A request that the state of the quote, the invoice or the incident does not allow: changing an issued quote,
 * recording expenses after invoicing, travel costs for a site in the free area. Answered as 409.
 */
public class PricingConflictException extends RuntimeException {

	private final String title;

	PricingConflictException(String title, String detail) {
		super(detail);
		this.title = title;
	}

	public String title() {
		return this.title;
	}

	static PricingConflictException quoteIssued(String number) {
		return new PricingConflictException("Quote already issued",
				"Quote " + number + " has been issued to the client and can no longer be changed.");
	}

	static PricingConflictException quoteNotIssued(String number) {
		return new PricingConflictException("Quote not issued",
				"Quote " + number + " is still a draft: the invoice is derived from the issued quote.");
	}

	static PricingConflictException emptyQuote(String number) {
		return new PricingConflictException("Empty quote", "Quote " + number + " has no lines: add at least one.");
	}

	static PricingConflictException invoiceIssued(String number) {
		return new PricingConflictException("Invoice already issued",
				"Invoice " + number + " has been issued: expenses can no longer be changed.");
	}

	static PricingConflictException duplicateLine(String code, long lineId) {
		return new PricingConflictException("Item already on the quote",
				"Item " + code + " is already line " + lineId + " of the quote: change its quantity instead.");
	}

	static PricingConflictException outdatedBase(int basedOn, int latest) {
		return new PricingConflictException("Catalog changed meanwhile", "These changes were made to catalog version "
				+ basedOn + ", but the newest version is " + latest
				+ ": load it, make your changes to it and publish again.");
	}

	static PricingConflictException concurrentPublication(int version) {
		return new PricingConflictException("Catalog version taken",
				"Catalog version " + version + " was published at the same moment by someone else: reload and try again.");
	}

}
