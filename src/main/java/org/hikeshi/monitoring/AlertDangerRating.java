package org.hikeshi.monitoring;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.stereotype.Component;

/** Rates an alert with the DMN table {@code alert-danger} (processes/alert-danger.dmn), which managers can edit. */
@Component
class AlertDangerRating {

	static final String DECISION_KEY = "alert-danger";

	private final DecisionService decisions;

	AlertDangerRating(DecisionService decisions) {
		this.decisions = decisions;
	}

	Danger rate(SignatureClass signatureClass, int severity) {
		Map<String, Object> result = this.decisions
			.evaluateDecisionTableByKey(DECISION_KEY,
					Variables.createVariables().putValue("signatureClass", signatureClass.name()).putValue("severity", severity))
			.getSingleResult()
			.getEntryMap();
		return Danger.valueOf(String.valueOf(result.get("danger")));
	}

}
