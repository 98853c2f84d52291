package org.hikeshi.evidence;

/** No evidence item with this number in the incident. Answered as 404. */
class EvidenceNotFoundException extends RuntimeException {

	EvidenceNotFoundException(long incidentId, int itemNo) {
		super("Incident " + incidentId + " has no evidence item " + itemNo);
	}

}
