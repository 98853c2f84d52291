package org.hikeshi.audit;

import java.time.Instant;

/**
 * One entry of the audit trail.
 *
 * @param source {@code ENGINE} (the engine's user operation log: task, process instance and deployment operations,
 * whichever door they came through: Tasklist, Cockpit, {@code /engine-rest}, our API) or {@code API} (a change made
 * through Hikeshi's own API)
 * @param action the engine's operation type ({@code Claim}, {@code Complete}, {@code Assign}, {@code Create}, ...) or
 * the API operation ({@code Quote.addLine}, ...)
 * @param target what it was done to: {@code Task 1a2b...}, {@code Deployment ...}, or the API path
 * @param detail the properties the operation changed ({@code assignee: coordinator → manager}), or the HTTP status
 */
record AuditEntry(Instant at, String userId, Source source, String action, String target, Long incidentId,
		String processInstanceId, String detail) {

	enum Source {

		ENGINE, API

	}

}
