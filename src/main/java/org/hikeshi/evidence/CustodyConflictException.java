package org.hikeshi.evidence;

/** A hand-over that contradicts the chain (not from the current custodian, before the last entry). Answered as 409. */
class CustodyConflictException extends RuntimeException {

	CustodyConflictException(String message) {
		super(message);
	}

}
