package org.hikeshi.reporting;

/** The user is neither a coordinator nor a manager. Answered as 403. */
class ReportAccessDeniedException extends RuntimeException {

	ReportAccessDeniedException() {
		super("Only members of coordinators or managers may read or regenerate reports.");
	}

}
