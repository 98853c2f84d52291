package org.hikeshi.support;

import java.time.Instant;

/** A stored report deadline and what happened to it. */
public record AuthorityDeadline(long id, long incidentId, int seq, DeadlineKind kind, String legalBasis,
		Instant awareAt, Instant warningAt, Instant dueAt, Instant warnedAt, Instant missedAt, Instant filedAt,
		String filedBy, String receipt, String reportItems, Status status) {

	/** OPEN until the report is filed; MET when it was filed by the deadline, MISSED when after it (or not yet, late). */
	public enum Status {

		OPEN, MET, MISSED

	}

}
