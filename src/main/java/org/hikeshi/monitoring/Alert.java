package org.hikeshi.monitoring;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A stored alert. {@code duplicateOf} is set when it was collapsed into an earlier alert of the same signature;
 * {@code occurrences} counts, on a primary alert, itself and the duplicates collapsed into it. {@code rawEvent} is the
 * tool's JSON as it came (answered as JSON, not as a string).
 */
public record Alert(long id, long incidentId, String source, String signature, SignatureClass signatureClass,
		int severity, Danger danger, Instant occurredAt, @JsonRawValue String rawEvent, Instant receivedAt, String receivedBy,
		Long duplicateOf, int occurrences, Instant lastOccurredAt, boolean correlated, String verdict,
		String actionTaken, String assessedBy, Instant assessedAt) {
}
