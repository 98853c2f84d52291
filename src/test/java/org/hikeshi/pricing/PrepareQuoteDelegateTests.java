package org.hikeshi.pricing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.InvalidVariableException;
import org.hikeshi.incident.ResponsePolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The delegates map process variables to the services, typed, and nothing more. */
class PrepareQuoteDelegateTests {

	private final QuoteService quotes = mock(QuoteService.class);

	private final InvoiceService invoices = mock(InvoiceService.class);

	private static DelegateExecution execution(Map<String, Object> variables) {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
		return execution;
	}

	private static Map<String, Object> variables(Object policy, Object media, Object monitoring) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(IncidentProcess.Variables.INCIDENT_ID, 42L);
		variables.put(IncidentProcess.Variables.RESPONSE_POLICY, policy);
		variables.put(IncidentProcess.Variables.MEDIA_SUPPORT_REQUESTED, media);
		variables.put(IncidentProcess.Variables.MONITORING_CONTRACTED, monitoring);
		return variables;
	}

	@Test
	void draftsTheQuoteFromTheDecisionVariables() {
		Map<String, Object> variables = variables("EVIDENCE_FIRST", true, true);
		variables.put(IncidentProcess.Variables.MONITORING_MONTHS, 6);

		new PrepareQuoteDelegate(this.quotes).execute(execution(variables));

		verify(this.quotes).prepareDraft(42L, new ProposalRequest(ResponsePolicy.EVIDENCE_FIRST, true, true, 6));
	}

	@Test
	void monitoringMonthsDefaultToOneWhenMonitoringIsContracted() {
		new PrepareQuoteDelegate(this.quotes).execute(execution(variables("RECOVERY_FIRST", "false", "true")));

		verify(this.quotes).prepareDraft(42L, new ProposalRequest(ResponsePolicy.RECOVERY_FIRST, false, true, 1));
	}

	@Test
	void monitoringMonthsAreIgnoredWithoutMonitoring() {
		Map<String, Object> variables = variables("RECOVERY_FIRST", null, false);
		variables.put(IncidentProcess.Variables.MONITORING_MONTHS, "nonsense");

		new PrepareQuoteDelegate(this.quotes).execute(execution(variables));

		verify(this.quotes).prepareDraft(42L, new ProposalRequest(ResponsePolicy.RECOVERY_FIRST, false, false, 0));
	}

	@Test
	void monitoringMonthsFromAFormAreParsed() {
		Map<String, Object> variables = variables("RECOVERY_FIRST", false, true);
		variables.put(IncidentProcess.Variables.MONITORING_MONTHS, "12");

		assertThat(PrepareQuoteDelegate.monitoringMonths(execution(variables))).isEqualTo(12);
	}

	@Test
	void invalidMonitoringMonthsNameTheVariable() {
		Map<String, Object> variables = variables("RECOVERY_FIRST", false, true);
		variables.put(IncidentProcess.Variables.MONITORING_MONTHS, 0L);

		assertThatThrownBy(() -> new PrepareQuoteDelegate(this.quotes).execute(execution(variables)))
			.isInstanceOf(InvalidVariableException.class)
			.hasMessageContaining("Variable 'monitoringMonths' must be between 1 and 120, not 0");
	}

	@Test
	void unknownPolicyIsRefused() {
		assertThatThrownBy(() -> new PrepareQuoteDelegate(this.quotes)
			.execute(execution(variables("WHATEVER", false, false)))).isInstanceOf(InvalidVariableException.class)
			.hasMessageContaining("responsePolicy");
	}

	@Test
	void invoiceDelegateIssuesTheInvoiceOfTheIncident() {
		new IssueInvoiceDelegate(this.invoices).execute(execution(variables("RECOVERY_FIRST", false, false)));

		verify(this.invoices).issueInvoice(42L);
	}

}
