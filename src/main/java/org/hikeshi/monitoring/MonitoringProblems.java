package org.hikeshi.monitoring;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The alert endpoint's errors as RFC 7807 problem details. */
@RestControllerAdvice(assignableTypes = AlertController.class)
class MonitoringProblems {

	@ExceptionHandler(MonitoringNotRunningException.class)
	ProblemDetail notRunning(MonitoringNotRunningException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Not being monitored");
		return problem;
	}

	/** The period row says running but the process is not waiting for alerts: refused as a whole, nothing stored. */
	@ExceptionHandler(MismatchingMessageCorrelationException.class)
	ProblemDetail notWaiting(MismatchingMessageCorrelationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The incident's process is not waiting for alerts; the alert is not recorded");
		problem.setTitle("Not being monitored");
		return problem;
	}

	/**
	 * The incident's process changed at the same moment (a coordinator completed one of its tasks): the alert is
	 * rolled back as a whole; the sensor sends it again.
	 */
	@ExceptionHandler(OptimisticLockingException.class)
	ProblemDetail concurrent(OptimisticLockingException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The incident changed while the alert was taken in; nothing was recorded, send the alert again");
		problem.setTitle("Concurrent change");
		return problem;
	}

}
