package org.hikeshi.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.Language;
import org.hikeshi.incident.ResponsePolicy;

import org.springframework.stereotype.Component;

/**
 * An incident's timeline from the engine's history and the incident record, oldest first: the call, the dispatch
 * against its SLA (met with how much to spare, or missed by how much), an SLA breach, and every completed task
 * with who completed it and when; the policy decision names the policy the client chose. At the same instant a
 * task's completion comes before what the process recorded because of it (the dispatch after the dispatch task).
 */
@Component
public class Timeline {

	private final HistoryService historyService;

	Timeline(HistoryService historyService) {
		this.historyService = historyService;
	}

	public List<TimelineEntry> of(Incident incident) {
		List<TimelineEntry> recorded = new ArrayList<>();
		recorded.add(new TimelineEntry(incident.contactedAt(), "受付（お客様からのご連絡）", "Contact from the client",
				incident.contactName()));
		if (incident.dispatchedAt() != null) {
			recorded.add(new TimelineEntry(incident.dispatchedAt(),
					"出動（" + dispatchSla(incident.dispatchMargin(), Language.JA) + "）",
					"Dispatch (" + dispatchSla(incident.dispatchMargin(), Language.EN) + ")", incident.responderName()));
		}
		if (incident.dispatchSlaBreachedAt() != null) {
			recorded.add(new TimelineEntry(incident.dispatchSlaBreachedAt(), "出動SLA違反（期限超過）",
					"Dispatch SLA breached (deadline passed)", null));
		}
		List<TimelineEntry> entries = new ArrayList<>();
		if (incident.processInstanceId() != null) {
			List<HistoricTaskInstance> tasks = this.historyService.createHistoricTaskInstanceQuery()
				.processInstanceId(incident.processInstanceId())
				.finished()
				.orderByHistoricTaskInstanceEndTime()
				.asc()
				.list();
			Map<String, String> completers = completers(incident.processInstanceId());
			for (HistoricTaskInstance task : tasks) {
				if (task.getEndTime() == null || "deleted".equals(task.getDeleteReason())) {
					continue; // cancelled, e.g. by an interrupting event: nobody completed it
				}
				String[] names = splitName(task.getName());
				String ja = "完了: " + names[0];
				String en = "Completed: " + names[1];
				if (IncidentProcess.Elements.TASK_DECIDE_POLICY.equals(task.getTaskDefinitionKey())
						&& incident.responsePolicy() != null) {
					ja += "（" + policy(incident.responsePolicy(), Language.JA) + "）";
					en += " (" + policy(incident.responsePolicy(), Language.EN) + ")";
				}
				entries.add(new TimelineEntry(task.getEndTime().toInstant(), ja, en,
						task.getAssignee() != null ? task.getAssignee() : completers.get(task.getId())));
			}
		}
		entries.addAll(recorded); // after the tasks: the sort is stable, so a tie keeps the task first
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	/** The dispatch against its deadline: met with how much to spare, or missed by how much. */
	static String dispatchSla(Duration margin, Language language) {
		long minutes = Math.abs(margin.toMinutes());
		boolean ja = language == Language.JA;
		if (margin.isNegative()) {
			return ja ? "SLA超過 " + hoursAndMinutes(minutes, true)
					: "SLA missed by " + hoursAndMinutes(minutes, false);
		}
		return ja ? "SLA達成、残り " + hoursAndMinutes(minutes, true)
				: "SLA met with " + hoursAndMinutes(minutes, false) + " to spare";
	}

	static String policy(ResponsePolicy policy, Language language) {
		boolean ja = language == Language.JA;
		return switch (policy) {
			case RECOVERY_FIRST -> ja ? "業務復旧を優先" : "business recovery first";
			case EVIDENCE_FIRST -> ja ? "証拠の取得を優先" : "evidence first";
		};
	}

	/**
	 * Who completed each task of the process instance that nobody had claimed, by task id, from the user operation
	 * log: one query for the whole timeline instead of one per task.
	 */
	private Map<String, String> completers(String processInstanceId) {
		Map<String, String> completers = new HashMap<>();
		for (UserOperationLogEntry completion : this.historyService.createUserOperationLogQuery()
			.processInstanceId(processInstanceId)
			.entityType(EntityTypes.TASK)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()) {
			if (completion.getTaskId() != null && completion.getUserId() != null) {
				completers.putIfAbsent(completion.getTaskId(), completion.getUserId());
			}
		}
		return completers;
	}

	/** Task names are "日本語 / English". */
	static String[] splitName(String name) {
		if (name == null) {
			return new String[] { "", "" };
		}
		int slash = name.indexOf(" / ");
		return slash < 0 ? new String[] { name, name }
				: new String[] { name.substring(0, slash).strip(), name.substring(slash + 3).strip() };
	}

	private static String hoursAndMinutes(long minutes, boolean japanese) {
		long h = minutes / 60;
		long m = minutes % 60;
		return japanese ? h + "時間" + m + "分" : h + " h " + m + " min";
	}

}
