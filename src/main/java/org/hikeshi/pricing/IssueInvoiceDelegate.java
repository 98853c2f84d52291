package org.hikeshi.pricing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

/** {@code Task_IssueInvoice}: issues the incident's invoice from its issued quote and recorded expenses, once. */
@Component("issueInvoiceDelegate")
class IssueInvoiceDelegate implements JavaDelegate {

	private final InvoiceService invoices;

	IssueInvoiceDelegate(InvoiceService invoices) {
		this.invoices = invoices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.invoices.issueInvoice(ProcessVariables.incidentId(execution));
	}

}
