/**
 * Pricing: the versioned service catalog (items and named packages), the quote the process drafts for an
 * incident from the {@code pricing-proposal} DMN decision, its adjustment by a coordinator, its issue, and the
 * invoice derived from the issued quote and the recorded expenses. Money is integer yen; consumption tax is
 * computed once per rate and rounded down. Other features use {@link org.hikeshi.pricing.QuoteService},
 * {@link org.hikeshi.pricing.InvoiceService} and {@link org.hikeshi.pricing.CatalogService} and the public records
 * they return; everything else here is package-private.
 */
package org.hikeshi.pricing;
