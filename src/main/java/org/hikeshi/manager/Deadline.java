package org.hikeshi.manager;

import java.time.Instant;
import java.util.List;

/**
 * A date by which something must be done for an incident: the dispatch SLA ({@link DispatchDeadlines}) and the
 * regulatory deadlines, the reports to the Personal Information Protection Commission and under GDPR
 * ({@link AuthorityDeadlines}). Each comes from its own table as a {@link Source}; the dashboard lists them all,
 * soonest first.
 */
record Deadline(long incidentId, String reference, String organization, String kind, String labelJa,
		String labelEn, Instant dueAt, boolean overdue) {

	/** Where deadlines come from; every bean of this type is asked. */
	interface Source {

		/** Deadlines not yet met that fall before {@code until}, overdue ones included. */
		List<Deadline> openBefore(Instant until, Instant now);

	}

}
