package org.hikeshi.support;

import java.time.Instant;
import java.util.Set;

import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.IncidentType;

/**
 * What decides the reporting duties: when the client became aware, whether personal data leaked or may have, how,
 * how many people, whether EU data subjects are concerned; and the incident's data categories and types.
 */
public record ReportingAssessment(Instant awareAt, boolean personalDataLeak, boolean unauthorizedAccess,
		boolean euDataSubjects, Integer affectedPeople, Set<DataCategory> dataCategories,
		Set<IncidentType> incidentTypes) {

	public ReportingAssessment {
		dataCategories = Set.copyOf(dataCategories);
		incidentTypes = Set.copyOf(incidentTypes);
	}

}
