package org.hikeshi.incident;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An intake that fails validation; lists every problem. Nothing is stored. A {@link BadUserRequestException}, so
 * that a Tasklist start form or a REST start answers 400 with the message rather than 500.
 */
public class InvalidIntakeException extends BadUserRequestException {

	private final List<FieldProblem> problems;

	public InvalidIntakeException(List<FieldProblem> problems) {
		super("Invalid intake: " + problems.stream().map(p -> p.field() + " " + p.message()).toList());
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** One field and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

}
