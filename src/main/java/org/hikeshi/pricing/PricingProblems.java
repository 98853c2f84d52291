package org.hikeshi.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The pricing component's errors as RFC 7807 problem details: 400 with an {@code errors} list of
 * {@code {field, message}} (as for bean validation), 403, 404, 409, and 503 for missing issuer configuration.
 */
@RestControllerAdvice
class PricingProblems {

	private static final Logger log = LoggerFactory.getLogger(PricingProblems.class);

	@ExceptionHandler(PricingInputException.class)
	ProblemDetail invalid(PricingInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields.");
		problem.setTitle("Invalid input");
		List<Map<String, String>> errors = new ArrayList<>();
		ex.problems().forEach(p -> errors.add(Map.of("field", p.field(), "message", p.message())));
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(PricingNotFoundException.class)
	ProblemDetail notFound(PricingNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.title(), ex.getMessage());
	}

	@ExceptionHandler(PricingConflictException.class)
	ProblemDetail conflict(PricingConflictException ex) {
		return problem(HttpStatus.CONFLICT, ex.title(), ex.getMessage());
	}

	@ExceptionHandler(PricingForbiddenException.class)
	ProblemDetail forbidden(PricingForbiddenException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler(PricingConfigurationException.class)
	ProblemDetail misconfigured(PricingConfigurationException ex) {
		log.error("Pricing configuration problem: {}", ex.getMessage());
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Pricing not configured", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
