package org.hikeshi.notification;

import java.time.Instant;
import java.util.List;

/** One row of the outbox: a rendered mail and its delivery state. */
record OutboxMail(long id, String idempotencyKey, long incidentId, String processInstanceId, String event,
		Audience audience, List<String> recipients, String subject, String textBody, String htmlBody,
		OutboxStatus status, int attempts, Instant nextAttemptAt, String claimedBy, Instant claimedUntil,
		String lastError, String camundaIncidentId, Instant createdAt, Instant sentAt) {

	/** Who a mail is for: the client of the incident, or the managers (internal: never on the status page). */
	enum Audience {

		CLIENT, MANAGERS

	}

	/** A file that goes with the mail; {@code reportId} when it is one of the incident's reports. */
	record Attachment(Long reportId, String fileName, String contentType, byte[] content) {
	}

	/** The idempotency key of an incident's event: {@code 42:INCIDENT_RECEIVED}. */
	static String key(long incidentId, String event) {
		return incidentId + ":" + event;
	}

}
