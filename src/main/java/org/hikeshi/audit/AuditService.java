package org.hikeshi.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.system.EngineAsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The audit trail: the engine's user operation log (every claim, completion, assignment, deployment, variable
 * change... that a signed-in user made, through any door) and the changes made through our API, read together.
 */
@Service
class AuditService {

	private static final Logger log = LoggerFactory.getLogger(AuditService.class);

	private final AuditRepository events;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final IncidentService incidents;

	private final Clock clock;

	AuditService(AuditRepository events, HistoryService historyService, IdentityService identityService,
			IncidentService incidents, Clock clock) {
		this.events = events;
		this.historyService = historyService;
		this.identityService = identityService;
		this.incidents = incidents;
		this.clock = clock;
	}

	/** Records a change made through our API. A failure to record is logged, never thrown at the user. */
	void record(String userId, String action, String method, String path, int status, Long incidentId) {
		try {
			this.events.insert(this.clock.instant(), userId, action, method, path, status, incidentId);
		}
		catch (RuntimeException ex) {
			log.error("Could not record the audit event {} {} by {} ({}): {}", method, path, userId, action,
					ex.getMessage(), ex);
		}
	}

	/** Newest first: the engine's operations and our API's changes in the window, at most {@code limit}. */
	List<AuditEntry> find(AuditQuery query) {
		List<AuditEntry> entries = new ArrayList<>(this.events.find(query));
		entries.addAll(EngineAsSystem.call(this.identityService, () -> engineOperations(query)));
		entries.sort(Comparator.comparing(AuditEntry::at).reversed());
		return entries.size() > query.limit() ? entries.subList(0, query.limit()) : entries;
	}

	private List<AuditEntry> engineOperations(AuditQuery query) {
		UserOperationLogQuery log = this.historyService.createUserOperationLogQuery()
			.afterTimestamp(Date.from(query.from().minusMillis(1)))
			.beforeTimestamp(Date.from(query.to()));
		if (query.userId() != null) {
			log.userId(query.userId());
		}
		if (query.incidentId() != null) {
			String processInstanceId = this.incidents.get(query.incidentId()).processInstanceId();
			if (processInstanceId == null) {
				return List.of();
			}
			log.processInstanceId(processInstanceId);
		}
		// one operation is one row per property it changed: read enough rows for `limit` operations, then group
		List<UserOperationLogEntry> rows = log.orderByTimestamp().desc().listPage(0, query.limit() * 4);
		Map<String, List<UserOperationLogEntry>> operations = rows.stream()
			.collect(Collectors.groupingBy(e -> e.getOperationId() == null ? e.getId() : e.getOperationId(),
					LinkedHashMap::new, Collectors.toList()));
		Map<String, Optional<Incident>> incidentOf = new HashMap<>();
		List<AuditEntry> entries = new ArrayList<>();
		for (List<UserOperationLogEntry> operation : operations.values()) {
			UserOperationLogEntry first = operation.get(0);
			Long incidentId = first.getProcessInstanceId() == null ? null
					: incidentOf
						.computeIfAbsent(first.getProcessInstanceId(), this.incidents::findByProcessInstanceId)
						.map(Incident::id)
						.orElse(null);
			entries.add(new AuditEntry(first.getTimestamp().toInstant(), first.getUserId(), AuditEntry.Source.ENGINE,
					first.getOperationType(), target(first), incidentId, first.getProcessInstanceId(),
					detail(operation)));
		}
		return entries;
	}

	private static String target(UserOperationLogEntry entry) {
		String id = entry.getTaskId() != null ? entry.getTaskId()
				: entry.getDeploymentId() != null ? entry.getDeploymentId()
						: entry.getProcessInstanceId() != null ? entry.getProcessInstanceId()
								: entry.getProcessDefinitionKey();
		return entry.getEntityType() + (id == null ? "" : " " + id);
	}

	/** {@code assignee: coordinator → manager; ...}, the properties that changed (none for some operations). */
	private static String detail(List<UserOperationLogEntry> operation) {
		return operation.stream()
			.filter(e -> e.getProperty() != null)
			.map(e -> e.getProperty() + ": " + (e.getOrgValue() == null ? "" : e.getOrgValue() + " → ")
					+ (e.getNewValue() == null ? "(none)" : e.getNewValue()))
			.collect(Collectors.joining("; "));
	}

	Instant now() {
		return this.clock.instant();
	}

}
