package org.hikeshi.manager;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request of the managers' tools that cannot be done as asked; answered as problem details with the problems listed. */
class ManagerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	private final transient List<Problem> problems;

	ManagerException(HttpStatus status, String message, List<Problem> problems) {
		super(message);
		this.status = status;
		this.problems = List.copyOf(problems);
	}

	ManagerException(HttpStatus status, String message) {
		this(status, message, List.of());
	}

	HttpStatus status() {
		return this.status;
	}

	List<Problem> problems() {
		return this.problems;
	}

	/** One problem with the element it concerns ({@code null} when the whole file is at fault). */
	record Problem(String resourceName, String elementId, String message) {
	}

}
