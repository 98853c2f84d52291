package org.hikeshi.support;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** {@code Task_RecordAuthorityDeadlineMissed}: the deadline ran out before the report was filed. */
@Component("recordAuthorityDeadlineMissedDelegate")
class RecordAuthorityDeadlineMissedDelegate implements JavaDelegate {

	private final SupportService support;

	RecordAuthorityDeadlineMissedDelegate(SupportService support) {
		this.support = support;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.support.recordMissed(DeadlineMail.deadlineId(execution));
	}

}
