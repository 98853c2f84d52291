package org.hikeshi.support;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hikeshi.incident.InvalidVariableException;
import org.hikeshi.incident.ProcessVariables;

import org.springframework.stereotype.Component;

import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_REPORT_FILED_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.AUTHORITY_REPORT_RECEIPT;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_CAUSE;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_NUMBER_OF_PEOPLE;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_OTHER;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_OVERVIEW;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_PERSONAL_DATA;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_PREVENTION;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_PUBLICATION;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_RESPONSE_TO_PEOPLE;
import static org.hikeshi.incident.IncidentProcess.Variables.PPC_SECONDARY_DAMAGE;

/**
 * {@code Task_RecordAuthorityReportFiled}: the report was filed; records when, the receipt and the nine items as
 * filed, and whether the deadline was met.
 */
@Component("recordAuthorityReportFiledDelegate")
class RecordAuthorityReportFiledDelegate implements JavaDelegate {

	static final List<String> ITEMS = List.of(PPC_OVERVIEW, PPC_PERSONAL_DATA, PPC_NUMBER_OF_PEOPLE, PPC_CAUSE,
			PPC_SECONDARY_DAMAGE, PPC_RESPONSE_TO_PEOPLE, PPC_PUBLICATION, PPC_PREVENTION, PPC_OTHER);

	private final SupportService support;

	RecordAuthorityReportFiledDelegate(SupportService support) {
		this.support = support;
	}

	@Override
	public void execute(DelegateExecution execution) {
		OffsetDateTime filedAt = ProcessVariables.dateTime(execution, AUTHORITY_REPORT_FILED_AT);
		if (filedAt == null) {
			throw new InvalidVariableException(AUTHORITY_REPORT_FILED_AT, "is required");
		}
		ProcessVariables.requiredString(execution, PPC_OVERVIEW);
		Map<String, String> items = new LinkedHashMap<>();
		for (String item : ITEMS) {
			String value = ProcessVariables.string(execution, item);
			items.put(item, value == null ? "" : value);
		}
		this.support.recordFiled(DeadlineMail.deadlineId(execution), filedAt.toInstant(),
				ProcessVariables.string(execution, AUTHORITY_REPORT_RECEIPT), items, ProcessVariables.currentUser(execution));
	}

}
