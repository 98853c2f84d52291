package org.hikeshi.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

/** {@code Task_CreateInitialReport} (asynchronous, retried): a new version of the initial report. */
@Component("createInitialReportDelegate")
class CreateInitialReportDelegate implements JavaDelegate {

	private final ReportService reports;

	CreateInitialReportDelegate(ReportService reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reports.create(ProcessVariables.incidentId(execution), ReportType.INITIAL, execution.getCurrentActivityId(),
				execution.getProcessInstance().getVariables());
	}

}
