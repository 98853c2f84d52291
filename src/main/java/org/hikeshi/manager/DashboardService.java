package org.hikeshi.manager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentStatus;
import org.hikeshi.incident.Phase;
import org.hikeshi.manager.DashboardRepository.FailedMail;
import org.hikeshi.manager.DashboardRepository.OutboxCounts;
import org.hikeshi.manager.DashboardRepository.PeriodIncident;
import org.hikeshi.notification.OutboxStatus;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The SLA and workload figures, computed on each request from the incident, report and outbox tables and from the
 * engine's tasks. Periods are calendar days in Japan time ({@value #ZONE}), both ends included.
 * <p>
 * Dispatch SLA: of the incidents whose call came in the period and that were engaged (not referred individuals,
 * not declined NDAs), those whose dispatch is decided (a responder was dispatched, or the deadline has passed),
 * the share dispatched by their deadline (24 h from the call). Incidents still within their deadline are pending.
 */
@Service
class DashboardService {

	static final String ZONE = "Asia/Tokyo";

	static final ZoneId JAPAN = ZoneId.of(ZONE);

	static final int MAX_PERIOD_DAYS = 366;

	/** Unsent mail older than this makes the outbox "delayed" (the sender tries every 10 s). */
	static final Duration OUTBOX_DELAY = Duration.ofMinutes(15);

	private final DashboardRepository repository;

	private final List<Deadline.Source> deadlineSources;

	private final TaskService tasks;

	private final IdentityService identity;

	private final Clock clock;

	DashboardService(DashboardRepository repository, List<Deadline.Source> deadlineSources, TaskService tasks,
			IdentityService identity, Clock clock) {
		this.repository = repository;
		this.deadlineSources = deadlineSources;
		this.tasks = tasks;
		this.identity = identity;
		this.clock = clock;
	}

	/** The default period: the last 30 days, today included. */
	Period defaultPeriod() {
		LocalDate today = LocalDate.now(this.clock.withZone(JAPAN));
		return new Period(today.minusDays(29), today);
	}

	Period period(LocalDate from, LocalDate to) {
		Period fallback = defaultPeriod();
		Period period = new Period((from != null) ? from : fallback.from(), (to != null) ? to : fallback.to());
		if (period.to().isBefore(period.from())) {
			throw new ManagerException(HttpStatus.BAD_REQUEST, "The period ends (" + period.to()
					+ ") before it starts (" + period.from() + ")");
		}
		if (period.from().plusDays(MAX_PERIOD_DAYS).isBefore(period.to())) {
			throw new ManagerException(HttpStatus.BAD_REQUEST, "The period is longer than " + MAX_PERIOD_DAYS
					+ " days; choose a shorter one");
		}
		return period;
	}

	Summary summary(Period period, int deadlineHorizonHours) {
		Instant now = this.clock.instant();
		List<PeriodIncident> incidents = incidents(period);
		return new Summary(period.from(), period.to(), ZONE, now, openByPhase(), sla(incidents, now),
				times(incidents), deadlines(now, deadlineHorizonHours), deadlineHorizonHours, outbox(now), workload(now));
	}

	List<PeriodIncident> incidents(Period period) {
		return this.repository.calledBetween(period.from().atStartOfDay(JAPAN).toInstant(),
				period.to().plusDays(1).atStartOfDay(JAPAN).toInstant());
	}

	private List<PhaseCount> openByPhase() {
		List<PhaseCount> counts = new ArrayList<>();
		this.repository.openByPhase()
			.forEach((phase, n) -> counts.add(new PhaseCount(phase, phase.japaneseName(), phase.englishName(), n)));
		return counts;
	}

	static Sla sla(List<PeriodIncident> incidents, Instant now) {
		long met = 0;
		long pending = 0;
		long excluded = 0;
		List<Breach> breaches = new ArrayList<>();
		for (PeriodIncident incident : incidents) {
			switch (outcome(incident, now)) {
				case NOT_ENGAGED -> excluded++;
				case PENDING -> pending++;
				case MET -> met++;
				case BREACHED -> {
					Instant late = (incident.dispatchedAt() != null) ? incident.dispatchedAt() : now;
					breaches.add(new Breach(incident.id(), incident.reference(), incident.organization(),
							incident.contactedAt(), incident.dispatchDueAt(), incident.dispatchedAt(),
							Duration.between(incident.dispatchDueAt(), late).toMinutes()));
				}
			}
		}
		long decided = met + breaches.size();
		Double percent = (decided == 0) ? null : Math.round(met * 1000.0 / decided) / 10.0;
		return new Sla(decided, met, breaches.size(), pending, excluded, percent, breaches);
	}

	SlaOutcome outcome(PeriodIncident incident) {
		return outcome(incident, this.clock.instant());
	}

	/** Where an incident stands against the dispatch SLA. */
	static SlaOutcome outcome(PeriodIncident incident, Instant now) {
		String status = incident.status();
		if (IncidentStatus.REFERRED.name().equals(status) || IncidentStatus.DECLINED.name().equals(status)) {
			return SlaOutcome.NOT_ENGAGED;
		}
		if (incident.dispatchedAt() != null) {
			return incident.dispatchedAt().isAfter(incident.dispatchDueAt()) ? SlaOutcome.BREACHED : SlaOutcome.MET;
		}
		return incident.dispatchDueAt().isAfter(now) ? SlaOutcome.PENDING : SlaOutcome.BREACHED;
	}

	private static Times times(List<PeriodIncident> incidents) {
		List<Duration> dispatch = new ArrayList<>();
		List<Duration> initialReport = new ArrayList<>();
		List<Duration> close = new ArrayList<>();
		for (PeriodIncident incident : incidents) {
			add(dispatch, incident.contactedAt(), incident.dispatchedAt());
			add(initialReport, incident.contactedAt(), incident.initialReportAt());
			add(close, incident.contactedAt(), incident.closedAt());
		}
		return new Times(Percentiles.of(dispatch), Percentiles.of(initialReport), Percentiles.of(close));
	}

	private static void add(List<Duration> durations, Instant from, Instant to) {
		if (to != null) {
			durations.add(Duration.between(from, to));
		}
	}

	private List<Deadline> deadlines(Instant now, int horizonHours) {
		Instant until = now.plus(Duration.ofHours(horizonHours));
		return this.deadlineSources.stream()
			.flatMap(source -> source.openBefore(until, now).stream())
			.sorted(Comparator.comparing(Deadline::dueAt))
			.toList();
	}

	private OutboxHealth outbox(Instant now) {
		OutboxCounts counts = this.repository.outbox(now.minus(Duration.ofHours(24)));
		Long oldestMinutes = (counts.oldestUnsentAt() != null)
				? Duration.between(counts.oldestUnsentAt(), now).toMinutes() : null;
		String level;
		if (counts.byStatus().get(OutboxStatus.FAILED) > 0) {
			level = "FAILING";
		}
		else if (oldestMinutes != null && oldestMinutes >= OUTBOX_DELAY.toMinutes()) {
			level = "DELAYED";
		}
		else {
			level = "OK";
		}
		return new OutboxHealth(level, counts.byStatus(), oldestMinutes, counts.sentSince(), counts.failed());
	}

	private Workload workload(Instant now) {
		List<CoordinatorLoad> coordinators = new ArrayList<>();
		for (User user : this.identity.createUserQuery()
			.memberOfGroup(IncidentProcess.Groups.COORDINATORS)
			.orderByUserId()
			.asc()
			.list()) {
			String name = ((nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip());
			coordinators.add(new CoordinatorLoad(user.getId(), name.isEmpty() ? user.getId() : name,
					this.tasks.createTaskQuery().taskAssignee(user.getId()).count(),
					this.tasks.createTaskQuery().taskAssignee(user.getId()).dueBefore(java.util.Date.from(now)).count()));
		}
		long unassigned = this.tasks.createTaskQuery()
			.taskCandidateGroup(IncidentProcess.Groups.COORDINATORS)
			.taskUnassigned()
			.count();
		return new Workload(coordinators, unassigned);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	enum SlaOutcome {

		MET, BREACHED, PENDING, NOT_ENGAGED

	}

	record Period(LocalDate from, LocalDate to) {
	}

	record Summary(LocalDate from, LocalDate to, String zone, Instant generatedAt, List<PhaseCount> openByPhase,
			Sla dispatchSla, Times times, List<Deadline> deadlines, int deadlineHorizonHours, OutboxHealth outbox,
			Workload workload) {
	}

	record PhaseCount(Phase phase, String labelJa, String labelEn, long count) {
	}

	/** {@code decided} = met + breached; {@code compliancePercent} null when nothing is decided yet. */
	record Sla(long decided, long met, long breached, long pending, long notEngaged, Double compliancePercent,
			List<Breach> breaches) {
	}

	record Breach(long incidentId, String reference, String organization, Instant contactedAt, Instant dueAt,
			Instant dispatchedAt, long lateMinutes) {
	}

	record Times(Percentiles toDispatch, Percentiles toInitialReport, Percentiles toClose) {
	}

	record OutboxHealth(String level, Map<OutboxStatus, Long> byStatus, Long oldestUnsentMinutes, long sentLast24h,
			List<FailedMail> failed) {
	}

	record CoordinatorLoad(String userId, String name, long assignedTasks, long overdueTasks) {
	}

	record Workload(List<CoordinatorLoad> coordinators, long unassignedTasks) {
	}

}
