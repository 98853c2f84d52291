package org.hikeshi.evidence;

import java.time.Instant;

/**
 * One stored custody record of an item: who handed it to whom, when and why, who recorded it, and the hashes that
 * chain it to the record before it.
 */
public record CustodyEntry(long id, long itemId, int seq, CustodyEntryType type, String fromParty, String toParty,
		Instant handedOverAt, String reason, String recordedBy, Instant recordedAt, String previousHash,
		String entryHash) {
}
