package org.hikeshi.pricing;

/** The user lacks the group an action needs. Answered as 403. */
public class PricingForbiddenException extends RuntimeException {

	PricingForbiddenException(String detail) {
		super(detail);
	}

}
