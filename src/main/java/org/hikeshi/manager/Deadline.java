package org.hikeshi.manager;

import java.time.Instant;
import java.util.List;

/**
 * A date by which something must be done for an incident: the dispatch SLA today; regulatory deadlines (the
 * report to the Personal Information Protection Commission, to the police) come from their own table as another
 * {@link Source}, and the dashboard lists them all, soonest first.
 */
record Deadline(long incidentId, String reference, String organization, String kind, String labelJa,
		String labelEn, Instant dueAt, boolean overdue) {

	/** Where deadlines come from; every bean of this type is asked. */
	interface Source {

		/** Deadlines not yet met that fall before {@code until}, overdue ones included. */
		List<Deadline> openBefore(Instant until, Instant now);

	}

}
