package org.hikeshi.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

/** {@code Task_CreateFullReport} (asynchronous, retried): a new version of the full report. */
@Component("createFullReportDelegate")
class CreateFullReportDelegate implements JavaDelegate {

	private final ReportService reports;

	CreateFullReportDelegate(ReportService reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reports.create(ProcessVariables.incidentId(execution), ReportType.FULL, execution.getCurrentActivityId(),
				execution.getProcessInstance().getVariables());
	}

}
