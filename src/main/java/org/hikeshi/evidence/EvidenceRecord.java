package org.hikeshi.evidence;

import java.util.List;

/**
 * An item with its whole chain of custody and whether the chain verifies; {@code headHash} is the hash of the last
 * entry, which a printed report keeps so that a later truncation of the chain can be noticed too.
 */
public record EvidenceRecord(EvidenceItem item, List<CustodyEntry> chain, String custodian, boolean verified,
		List<String> problems, String headHash) {

	public EvidenceRecord {
		chain = List.copyOf(chain);
		problems = List.copyOf(problems);
	}

}
