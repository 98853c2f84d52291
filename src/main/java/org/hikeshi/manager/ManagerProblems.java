package org.hikeshi.manager;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A {@link ManagerException} as RFC 7807 problem details, with the problems (element ids) the modeler marks. */
@RestControllerAdvice(assignableTypes = { ModelerController.class, DashboardController.class })
class ManagerProblems {

	@ExceptionHandler(ManagerException.class)
	ResponseEntity<ProblemDetail> refused(ManagerException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.status().is4xxClientError() ? "Not done" : ex.status().getReasonPhrase());
		problem.setProperty("problems", ex.problems());
		return ResponseEntity.status(ex.status()).body(problem);
	}

}
