package org.hikeshi.incident;

/** No incident with this id. Answered as 404. */
public class IncidentNotFoundException extends RuntimeException {

	public IncidentNotFoundException(long id) {
		super("No incident with id " + id);
	}

}
