package org.hikeshi.reporting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

/** {@code Task_CreateFinalReport} (asynchronous, retried): a new version of the final report. */
@Component("createFinalReportDelegate")
class CreateFinalReportDelegate implements JavaDelegate {

	private final ReportService reports;

	CreateFinalReportDelegate(ReportService reports) {
		this.reports = reports;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.reports.create(ProcessVariables.incidentId(execution), ReportType.FINAL, execution.getCurrentActivityId(),
				execution.getProcessInstance().getVariables());
	}

}
