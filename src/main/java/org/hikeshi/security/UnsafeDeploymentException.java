package org.hikeshi.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by the {@link DeploymentValidator}. A {@link ParseException}, because that is what the engine
 * REST API answers with HTTP 400 and a {@code details} object listing, per resource, every error with its element
 * id: Camunda Modeler shows that list to whoever tried to deploy.
 */
class UnsafeDeploymentException extends ParseException {

	private static final long serialVersionUID = 1L;

	UnsafeDeploymentException(List<DeploymentProblem> problems) {
		super(message(problems), problems.get(0).resource(), List.of(), List.of());
		this.resorceReports = reports(problems);
	}

	private static String message(List<DeploymentProblem> problems) {
		return problems.stream()
			.map(problem -> "* " + problem)
			.collect(Collectors.joining("\n", "Deployment refused, " + problems.size()
					+ " problem(s) with unsafe or incomplete elements (see docs/security.md, Safe deployment):\n", ""));
	}

	private static List<ResourceReport> reports(List<DeploymentProblem> problems) {
		Map<String, List<Problem>> byResource = new LinkedHashMap<>();
		problems.forEach(problem -> byResource.computeIfAbsent(problem.resource(), r -> new ArrayList<>())
			.add(new Error(problem)));
		return byResource.entrySet()
			.stream()
			.<ResourceReport>map(entry -> new Report(entry.getKey(), List.copyOf(entry.getValue())))
			.collect(Collectors.toCollection(ArrayList::new));
	}

	private record Report(String getResourceName, List<Problem> getErrors) implements ResourceReport {

		@Override
		public List<Problem> getWarnings() {
			return List.of();
		}

	}

	/** No line or column: the element id is what points at the problem in a diagram. */
	private record Error(DeploymentProblem problem) implements Problem {

		@Override
		public String getMessage() {
			return this.problem.message();
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return this.problem.elementId();
		}

		@Override
		public List<String> getElementIds() {
			return (this.problem.elementId() != null) ? List.of(this.problem.elementId()) : List.of();
		}

	}

}
