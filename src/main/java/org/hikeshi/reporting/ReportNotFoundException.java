package org.hikeshi.reporting;

/** No report with this id belongs to the incident. Answered as 404. */
class ReportNotFoundException extends RuntimeException {

	ReportNotFoundException(long incidentId, long reportId) {
		super("Incident " + incidentId + " has no report " + reportId + ".");
	}

}
