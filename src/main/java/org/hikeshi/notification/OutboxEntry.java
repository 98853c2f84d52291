package org.hikeshi.notification;

import java.time.Instant;
import java.util.List;

/** A queued mail as managers see it in {@code /api/notifications/outbox}: its state, not its body. */
public record OutboxEntry(long id, String idempotencyKey, long incidentId, String processInstanceId, String event,
		String audience, List<String> recipients, String subject, OutboxStatus status, int attempts,
		Instant nextAttemptAt, String lastError, String camundaIncidentId, Instant createdAt, Instant sentAt) {

	static OutboxEntry of(OutboxMail mail) {
		return new OutboxEntry(mail.id(), mail.idempotencyKey(), mail.incidentId(), mail.processInstanceId(),
				mail.event(), mail.audience().name(), mail.recipients(), mail.subject(), mail.status(),
				mail.attempts(), mail.nextAttemptAt(), mail.lastError(), mail.camundaIncidentId(), mail.createdAt(),
				mail.sentAt());
	}

}
