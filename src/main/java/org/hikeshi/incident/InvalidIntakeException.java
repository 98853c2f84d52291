package org.hikeshi.incident;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * An intake that fails validation; lists every problem. Nothing is stored. It is the engine's own form-validation
 * failure, so a Tasklist start form or {@code /engine-rest/.../submit-form} answers 400 with the list, not 500.
 */
public class InvalidIntakeException extends FormFieldValidationException {

	private final List<FieldProblem> problems;

	public InvalidIntakeException(List<FieldProblem> problems) {
		super(problems.stream().map(FieldProblem::field).toList(),
				"Invalid intake: " + problems.stream().map(p -> p.field() + " " + p.message()).toList());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** One field and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

}
