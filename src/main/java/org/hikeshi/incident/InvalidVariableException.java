package org.hikeshi.incident;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A process variable that a task needs is missing or malformed. Thrown while a user task is completed, it rolls
 * the completion back and reaches Tasklist and {@code /engine-rest} as a 400 with this message.
 */
public class InvalidVariableException extends BadUserRequestException {

	private final String variable;

	public InvalidVariableException(String variable, String problem) {
		super("Variable '" + variable + "' " + problem);
		this.variable = variable;
	}

	public String variable() {
		return this.variable;
	}

}
