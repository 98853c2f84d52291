package org.hikeshi.evidence;

import java.time.Instant;
import java.util.List;

/** The verification of every chain of an incident: verified when there is at least one item and all verify. */
public record CustodyVerification(long incidentId, Instant verifiedAt, int items, boolean verified,
		List<ItemResult> results) {

	public CustodyVerification {
		results = List.copyOf(results);
	}

	/** One item's result. */
	public record ItemResult(int itemNo, boolean verified, int entries, String headHash, List<String> problems) {

		public ItemResult {
			problems = List.copyOf(problems);
		}

	}

}
