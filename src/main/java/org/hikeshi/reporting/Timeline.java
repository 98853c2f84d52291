package org.hikeshi.reporting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.hikeshi.incident.Incident;

import org.springframework.stereotype.Component;

/**
 * An incident's timeline from the engine's history and the incident record: the call, the dispatch against its
 * SLA, and every completed task with who completed it and when.
 */
@Component
public class Timeline {

	private final HistoryService historyService;

	Timeline(HistoryService historyService) {
		this.historyService = historyService;
	}

	public List<TimelineEntry> of(Incident incident) {
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(new TimelineEntry(incident.contactedAt(), "受付（お客様からのご連絡）", "Contact from the client",
				incident.contactName()));
		if (incident.dispatchedAt() != null) {
			Duration margin = incident.dispatchMargin();
			long minutes = Math.abs(margin.toMinutes());
			String ja = margin.isNegative() ? "出動（SLA超過 " + hoursAndMinutes(minutes, true) + "）"
					: "出動（SLA達成、残り " + hoursAndMinutes(minutes, true) + "）";
			String en = margin.isNegative() ? "Dispatch (SLA missed by " + hoursAndMinutes(minutes, false) + ")"
					: "Dispatch (SLA met with " + hoursAndMinutes(minutes, false) + " to spare)";
			entries.add(new TimelineEntry(incident.dispatchedAt(), ja, en, incident.responderName()));
		}
		if (incident.dispatchSlaBreachedAt() != null) {
			entries.add(new TimelineEntry(incident.dispatchSlaBreachedAt(), "出動SLA違反（24時間経過）",
					"Dispatch SLA breached (24 hours passed)", null));
		}
		if (incident.processInstanceId() != null) {
			List<HistoricTaskInstance> tasks = this.historyService.createHistoricTaskInstanceQuery()
				.processInstanceId(incident.processInstanceId())
				.finished()
				.orderByHistoricTaskInstanceEndTime()
				.asc()
				.list();
			for (HistoricTaskInstance task : tasks) {
				if (task.getEndTime() == null || "deleted".equals(task.getDeleteReason())) {
					continue; // cancelled, e.g. by an interrupting event: nobody completed it
				}
				String[] names = splitName(task.getName());
				entries.add(new TimelineEntry(task.getEndTime().toInstant(), "完了: " + names[0],
						"Completed: " + names[1], completedBy(task)));
			}
		}
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	private String completedBy(HistoricTaskInstance task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		UserOperationLogEntry completion = this.historyService.createUserOperationLogQuery()
			.taskId(task.getId())
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		return completion == null ? null : completion.getUserId();
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
