package org.hikeshi.evidence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The evidence endpoints' errors as RFC 7807 problem details. */
@RestControllerAdvice(assignableTypes = EvidenceController.class)
class EvidenceProblems {

	@ExceptionHandler(EvidenceNotFoundException.class)
	ProblemDetail notFound(EvidenceNotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Evidence item not found");
		return problem;
	}

	@ExceptionHandler(CustodyConflictException.class)
	ProblemDetail conflict(CustodyConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Custody conflict");
		return problem;
	}

}
