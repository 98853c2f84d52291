package org.hikeshi.audit;

import java.time.Instant;

/** What part of the audit trail to read: a time window, optionally one user or one incident, at most a limit. */
record AuditQuery(Instant from, Instant to, String userId, Long incidentId, int limit) {
}
