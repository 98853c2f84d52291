package org.hikeshi.evidence;

import java.time.Instant;

/** An evidence item as registered: what it is, who collected it where and when, the SHA-256 of its content. */
public record EvidenceItem(long id, long incidentId, int itemNo, EvidenceKind kind, String description,
		String collectedBy, Instant collectedAt, String location, String sha256, String registeredBy,
		Instant registeredAt) {
}
