package org.hikeshi.reporting;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The report endpoints' errors as RFC 7807 problem details: 403, 404, and 409 for a simultaneous regeneration. */
@RestControllerAdvice(assignableTypes = ReportController.class)
class ReportProblems {

	@ExceptionHandler(ReportNotFoundException.class)
	ProblemDetail notFound(ReportNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Report not found", ex.getMessage());
	}

	@ExceptionHandler(ReportAccessDeniedException.class)
	ProblemDetail forbidden(ReportAccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail conflict(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, "Report being generated",
				"Another version of this report was generated at the same moment; try again.");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
