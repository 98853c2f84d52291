package org.hikeshi.support;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hikeshi.incident.InvalidVariableException;

import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_DEADLINE_ID;

/** What the deadline mails show, and the deadline of the current {@code SubProcess_AuthorityDeadline} instance. */
public final class DeadlineMail {

	private DeadlineMail() {
	}

	static long deadlineId(DelegateExecution execution) {
		if (execution.getVariable(AUTHORITY_DEADLINE_ID) instanceof Number id) {
			return id.longValue();
		}
		throw new InvalidVariableException(AUTHORITY_DEADLINE_ID, "is missing");
	}

	public static Map<String, Object> model(AuthorityDeadline deadline) {
		Map<String, Object> model = new HashMap<>();
		model.put("deadline", deadline);
		model.put("deadlineNameJa", deadline.kind().japanese());
		model.put("deadlineNameEn", deadline.kind().english());
		model.put("deadlineDue", OpenAuthorityDeadlineDelegate.DUE.format(deadline.dueAt()));
		model.put("awareAt", OpenAuthorityDeadlineDelegate.DUE.format(deadline.awareAt()));
		return model;
	}

}
