package org.hikeshi.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * An incident: the case record that lives in its own table. The process holds only its id and the few values
 * its gateways read.
 */
public record Incident(long id, String reference, String processInstanceId, String organization,
		ClientType clientType, String contactName, String email, String phone, Prefecture prefecture,
		Instant discoveredAt, Instant contactedAt, Set<IncidentType> incidentTypes, Set<DataCategory> dataCategories,
		String discoveryNarrative, boolean insiderSuspected, Language language, IncidentStatus status, Phase phase,
		ResponsePolicy responsePolicy, Boolean mediaSupportRequested, Boolean monitoringContracted,
		String responderName, String responderUserId, DispatchMode dispatchMode, Instant dispatchDueAt, Instant dispatchedAt,
		Instant dispatchSlaBreachedAt, Instant closedAt, Instant createdAt) {

	/** Confidential: an insider is suspected, so only managers and the assigned responder see the incident. */
	public boolean confidential() {
		return this.insiderSuspected;
	}

	/**
	 * Who may see the incident, its tasks, reports, quote and invoice: managers always; others only when it is not
	 * confidential or when they are its assigned responder.
	 */
	public boolean visibleTo(String userId, boolean manager) {
		return manager || !confidential() || (userId != null && userId.equals(this.responderUserId));
	}

	/** Whether personal data may be involved (any personal category, or not known yet). */
	public boolean personalDataPossiblyInvolved() {
		return this.dataCategories.stream().anyMatch(c -> c.isPersonalData() || c == DataCategory.UNKNOWN);
	}

	/** True once the dispatch deadline passed without a dispatch, or the dispatch came after it. */
	public boolean dispatchSlaBreached() {
		return this.dispatchSlaBreachedAt != null
				|| (this.dispatchedAt != null && this.dispatchedAt.isAfter(this.dispatchDueAt));
	}

	/**
	 * How far the dispatch was from its deadline: positive when it was in time (time to spare), negative when late.
	 * Null while nobody has been dispatched.
	 */
	public Duration dispatchMargin() {
		return this.dispatchedAt == null ? null : Duration.between(this.dispatchedAt, this.dispatchDueAt);
	}

}
