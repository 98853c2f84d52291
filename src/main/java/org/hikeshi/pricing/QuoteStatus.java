package org.hikeshi.pricing;

/** A quote is a DRAFT while the coordinator adjusts it and ISSUED, frozen, once sent to the client. */
public enum QuoteStatus {

	DRAFT, ISSUED

}
