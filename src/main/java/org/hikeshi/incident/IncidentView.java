package org.hikeshi.incident;

import java.time.Instant;
import java.util.Set;

/** An incident as {@code /api/incidents} shows it. */
public record IncidentView(long id, String reference, IncidentStatus status, Phase phase, String phaseName,
		String organization, ClientType clientType, String contactName, String email, String phone,
		Prefecture prefecture, Instant discoveredAt, Instant contactedAt, Set<IncidentType> incidentTypes,
		Set<DataCategory> dataCategories, String discoveryNarrative, boolean insiderSuspected, Language language,
		ResponsePolicy responsePolicy, Boolean mediaSupportRequested, Boolean monitoringContracted, Dispatch dispatch,
		Instant closedAt, Instant createdAt, String processInstanceId) {

	/** The dispatch and its SLA: {@code marginMinutes} is positive when in time, negative when late. */
	public record Dispatch(String responderName, DispatchMode mode, Instant dueAt, Instant dispatchedAt,
			boolean slaBreached, Long marginMinutes) {
	}

	static IncidentView of(Incident i) {
		return new IncidentView(i.id(), i.reference(), i.status(), i.phase(),
				i.phase().japaneseName() + " / " + i.phase().englishName(), i.organization(), i.clientType(),
				i.contactName(), i.email(), i.phone(), i.prefecture(), i.discoveredAt(), i.contactedAt(),
				i.incidentTypes(), i.dataCategories(), i.discoveryNarrative(), i.insiderSuspected(), i.language(),
				i.responsePolicy(), i.mediaSupportRequested(), i.monitoringContracted(),
				new Dispatch(i.responderName(), i.dispatchMode(), i.dispatchDueAt(), i.dispatchedAt(),
						i.dispatchSlaBreached(), i.dispatchMargin() == null ? null : i.dispatchMargin().toMinutes()),
				i.closedAt(), i.createdAt(), i.processInstanceId());
	}

}
