package org.hikeshi.incident;

/** Where an incident stands as a case. */
public enum IncidentStatus {

	/** Being worked. */
	OPEN,
	/** An individual requester, referred to IPA and the police. */
	REFERRED,
	/** The NDA was not concluded, so no work was done. */
	DECLINED,
	/** Final report and invoice sent, process ended. */
	CLOSED

}
