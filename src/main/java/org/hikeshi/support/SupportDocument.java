package org.hikeshi.support;

import java.time.Instant;

/** A version of a generated or edited support document. */
public record SupportDocument(long id, long incidentId, Kind kind, int version, String content, String createdBy,
		Instant createdAt) {

	/** The documents kept. */
	public enum Kind {

		APOLOGY_LETTER, QA_SET, PPC_REPORT

	}

}
