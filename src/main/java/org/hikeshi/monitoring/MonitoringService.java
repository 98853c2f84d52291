package org.hikeshi.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.InvalidVariableException;
import org.hikeshi.system.EngineAsSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_ANALYSIS_DUE_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_DANGER;
import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_ID;
import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_OCCURRED_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_SOURCE;
import static org.hikeshi.incident.IncidentProcess.Variables.ALERT_SIGNATURE;

/**
 * The monitoring of an incident: its period (started when the sensor is installed, extended, ended by its timer
 * or early), the alerts (rated, collapsed, correlated) and the monthly reports.
 */
@Service
public class MonitoringService {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final Logger log = LoggerFactory.getLogger(MonitoringService.class);

	private final MonitoringRepository repository;

	private final IncidentService incidents;

	private final AlertDangerRating rating;

	private final RuntimeService runtimeService;

	private final MonitoringProperties properties;

	private final Clock clock;

	private final IdentityService identityService;

	MonitoringService(MonitoringRepository repository, IncidentService incidents, AlertDangerRating rating,
			RuntimeService runtimeService, MonitoringProperties properties, Clock clock,
			IdentityService identityService) {
		this.identityService = identityService;
		this.repository = repository;
		this.incidents = incidents;
		this.rating = rating;
		this.runtimeService = runtimeService;
		this.properties = properties;
		this.clock = clock;
	}

	/** {@code Task_StartMonitoring}: the sensor is installed; the contracted months count from its installation. */
	@Transactional
	public MonitoringPeriod start(long incidentId, String sensorLocation, String sysadminName, String sysadminEmail,
			OffsetDateTime installedOn, int months) {
		Instant now = this.clock.instant();
		if (installedOn.toInstant().isAfter(now)) {
			throw new InvalidVariableException(IncidentProcess.Variables.IDS_INSTALLED_ON, "is in the future");
		}
		Instant startedAt = installedOn.toInstant().truncatedTo(ChronoUnit.MILLIS);
		Instant endsAt = startedAt.atZone(JAPAN).plusMonths(months).toInstant();
		this.repository.insertPeriod(new MonitoringPeriod(incidentId, sensorLocation, sysadminName, sysadminEmail,
				startedAt, months, 0, endsAt, null, null, null));
		return period(incidentId).orElseThrow();
	}

	/** {@code Task_ExtendMonitoring}: adds months to the end of the period. */
	@Transactional
	public MonitoringPeriod extend(long incidentId, int months) {
		MonitoringPeriod period = runningPeriod(incidentId);
		this.repository.extend(incidentId, months, period.endsAt().atZone(JAPAN).plusMonths(months).toInstant());
		return period(incidentId).orElseThrow();
	}

	/** {@code Task_EndMonitoring}: the period is over, by its timer or ended early with a reason. */
	@Transactional
	public MonitoringPeriod end(long incidentId, boolean early, String reason) {
		this.repository.end(incidentId, this.clock.instant(), early, early ? reason : null);
		return period(incidentId).orElseThrow();
	}

	public Optional<MonitoringPeriod> period(long incidentId) {
		return this.repository.period(incidentId);
	}

	/**
	 * Takes an alert in: refused unless the incident is being monitored; rated with {@code alert-danger}; collapsed
	 * into an earlier alert of the same signature within the window (a storm makes one task, not hundreds);
	 * otherwise, when critical or high, correlated to the process as {@code alertRaised}. All in one transaction.
	 */
	@Transactional
	public Alert receive(long incidentId, AlertRequest request, String user) {
		Incident incident = this.incidents.get(incidentId);
		MonitoringPeriod period = this.repository.lockPeriod(incidentId)
			.orElseThrow(() -> new MonitoringNotRunningException(
					incident.reference() + " is not being monitored: no IDS/IPS has been installed for it"));
		if (!period.running()) {
			throw new MonitoringNotRunningException("The monitoring of " + incident.reference() + " ended at "
					+ period.endedAt() + "; the alert is not recorded");
		}
		// the sensor account may post alerts (our API's role rules) but has no permission in the engine: rating the
		// alert and correlating it into the incident are Hikeshi's own doing
		Danger danger = EngineAsSystem.call(this.identityService,
				() -> this.rating.rate(request.signatureClass(), request.severity()));
		Instant occurredAt = request.occurredAt().toInstant().truncatedTo(ChronoUnit.MILLIS);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Danger> atLeast = Arrays.stream(Danger.values()).filter(d -> d.ordinal() <= danger.ordinal()).toList();
		Optional<Alert> primary = this.repository.collapsibleInto(incidentId, request.signature().strip(),
				occurredAt.minus(this.properties.duplicateWindow()), atLeast);
		long id = this.repository.insertAlert(new Alert(0, incidentId, request.source().strip(),
				request.signature().strip(), request.signatureClass(), request.severity(), danger, occurredAt,
				request.rawEvent() == null ? null : request.rawEvent().toString(), now, user,
				primary.map(Alert::id).orElse(null), 1, occurredAt, false, null, null, null, null));
		if (primary.isPresent()) {
			this.repository.countOccurrence(primary.get().id(), occurredAt);
			log.info("Alert #{} of {} collapsed into #{} ({})", id, incident.reference(), primary.get().id(),
					request.signature());
		}
		else if (danger.needsAnalyst()) {
			EngineAsSystem.call(this.identityService,
					() -> this.runtimeService.createMessageCorrelation(IncidentProcess.Messages.ALERT_RAISED)
						.processInstanceId(incident.processInstanceId())
						.setVariablesToTriggeredScope(Variables.createVariables()
							.putValue(ALERT_ID, id)
							.putValue(ALERT_SIGNATURE, request.signature().strip())
							.putValue(ALERT_DANGER, danger.name())
							.putValue(ALERT_SOURCE, request.source().strip())
							.putValue(ALERT_OCCURRED_AT,
									request.occurredAt().atZoneSameInstant(JAPAN).toOffsetDateTime().toString())
							.putValue(ALERT_ANALYSIS_DUE_AT, Date.from(now.plus(this.properties.analysisWithin()))))
						.correlateWithResult());
			this.repository.markCorrelated(id);
		}
		return alert(id);
	}

	/** {@code Task_RecordAlertAssessment}: the analyst's verdict and what was done. */
	@Transactional
	public void assess(long alertId, String verdict, String actionTaken, String user) {
		this.repository.assess(alertId, verdict, actionTaken, user, this.clock.instant());
	}

	public Alert alert(long alertId) {
		return this.repository.alert(alertId).orElseThrow(() -> new IllegalStateException("no alert " + alertId));
	}

	public List<Alert> alerts(long incidentId, int page, int size) {
		this.incidents.get(incidentId);
		return this.repository.alerts(incidentId, page * size, size);
	}

	public List<MonitoringReport> reports(long incidentId) {
		this.incidents.get(incidentId);
		return this.repository.reports(incidentId);
	}

	/**
	 * The monitoring report of the time since the last one (or since the installation), up to now or to the end of
	 * the period: the alerts counted by danger, the duplicates collapsed, the signatures seen most.
	 */
	@Transactional
	public MonitoringReport createReport(long incidentId) {
		MonitoringPeriod period = this.repository.period(incidentId)
			.orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no monitoring period"));
		Optional<MonitoringReport> last = this.repository.lastReport(incidentId);
		Instant from = last.map(MonitoringReport::periodEnd).orElse(period.startedAt());
		Instant to = period.endedAt() != null ? period.endedAt() : this.clock.instant();
		if (to.isBefore(from)) {
			to = from;
		}
		List<Alert> alerts = this.repository.alertsBetween(incidentId, from, to);
		Map<Danger, Long> byDanger = alerts.stream()
			.filter(a -> a.duplicateOf() == null)
			.collect(Collectors.groupingBy(Alert::danger, Collectors.counting()));
		int collapsed = (int) alerts.stream().filter(a -> a.duplicateOf() != null).count();
		String summary = alerts.stream()
			.collect(Collectors.groupingBy(a -> a.signature() + " (" + a.danger().name() + ")", Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
			.limit(10)
			.map(e -> e.getKey() + " ×" + e.getValue())
			.collect(Collectors.joining("\n"));
		MonitoringReport report = new MonitoringReport(0, incidentId, last.map(r -> r.seq() + 1).orElse(1), from, to,
				count(byDanger, Danger.CRITICAL), count(byDanger, Danger.HIGH), count(byDanger, Danger.MEDIUM),
				count(byDanger, Danger.LOW), collapsed, summary.isEmpty() ? "—" : summary, this.clock.instant());
		long id = this.repository.insertReport(report);
		return this.repository.reports(incidentId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
	}

	private MonitoringPeriod runningPeriod(long incidentId) {
		MonitoringPeriod period = this.repository.lockPeriod(incidentId)
			.orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no monitoring period"));
		if (!period.running()) {
			throw new InvalidVariableException(IncidentProcess.Variables.MONITORING_ACTION,
					"cannot extend: the monitoring already ended");
		}
		return period;
	}

	private static int count(Map<Danger, Long> counts, Danger danger) {
		return counts.getOrDefault(danger, 0L).intValue();
	}

}
