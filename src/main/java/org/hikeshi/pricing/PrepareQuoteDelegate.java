package org.hikeshi.pricing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;
import org.hikeshi.incident.ResponsePolicy;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.MEDIA_SUPPORT_REQUESTED;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_CONTRACTED;
import static org.hikeshi.incident.IncidentProcess.Variables.MONITORING_MONTHS;
import static org.hikeshi.incident.IncidentProcess.Variables.RESPONSE_POLICY;

/**
 * {@code Task_PrepareQuote}: drafts the incident's quote from the client's policy decision. Retries replace the
 * draft. {@code monitoringMonths} defaults to 1 when monitoring is contracted.
 */
@Component("prepareQuoteDelegate")
class PrepareQuoteDelegate implements JavaDelegate {

	private final QuoteService quotes;

	PrepareQuoteDelegate(QuoteService quotes) {
		this.quotes = quotes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean monitoring = ProcessVariables.flag(execution, MONITORING_CONTRACTED);
		ProposalRequest request = new ProposalRequest(
				ProcessVariables.requiredEnum(execution, RESPONSE_POLICY, ResponsePolicy.class),
				ProcessVariables.flag(execution, MEDIA_SUPPORT_REQUESTED), monitoring,
				monitoring ? monitoringMonths(execution) : 0);
		this.quotes.prepareDraft(ProcessVariables.incidentId(execution), request);
	}

	static int monitoringMonths(DelegateExecution execution) {
		return ProcessVariables.wholeNumber(execution, MONITORING_MONTHS, 1, 120, 1);
	}

}
