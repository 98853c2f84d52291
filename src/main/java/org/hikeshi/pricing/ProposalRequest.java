package org.hikeshi.pricing;

import org.hikeshi.incident.ResponsePolicy;

/**
 * What the client decided after the initial investigation, as the quote proposal needs it. Monitoring months
 * count only when monitoring is contracted, and then at least one.
 */
public record ProposalRequest(ResponsePolicy responsePolicy, boolean mediaSupportRequested,
		boolean monitoringContracted, int monitoringMonths) {

	public ProposalRequest {
		if (responsePolicy == null) {
			throw new PricingInputException("responsePolicy", "is required: RECOVERY_FIRST or EVIDENCE_FIRST");
		}
		if (monitoringContracted && monitoringMonths < 1) {
			throw new PricingInputException("monitoringMonths",
					"must be at least 1 when monitoring is contracted, not " + monitoringMonths);
		}
	}

}
