package org.hikeshi.pricing;

import java.util.List;

/**
 * Input to the pricing component that cannot be accepted: an unknown item code, a quantity below one, a negative
 * price, an inconsistent catalog. Names each field; answered as 400 with an {@code errors} list.
 */
public class PricingInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public PricingInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public PricingInputException(List<FieldProblem> problems) {
		super(problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	public record FieldProblem(String field, String message) {

	}

}
