package org.hikeshi.incident;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A process variable that a task needs is missing or malformed. Thrown while a user task is completed, it rolls
 * the completion back. It is the engine's own form-validation failure, so Tasklist and
 * {@code /engine-rest/.../submit-form} answer 400 with this message instead of 500.
 */
public class InvalidVariableException extends FormFieldValidationException {

	private final String variable;

	public InvalidVariableException(String variable, String problem) {
		super(variable, "Variable '" + variable + "' " + problem);
		this.variable = variable;
	}

	public String variable() {
		return this.variable;
	}

}
