package org.hikeshi.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident record: intake, registration when the process starts, and what the process records as it goes.
 * Other features read incidents through {@link #get(long)}.
 */
@Service
public class IncidentService {

	private final IncidentRepository incidents;

	private final ReferenceGenerator references;

	private final RuntimeService runtimeService;

	private final Validator validator;

	private final DispatchSlaProperties sla;

	private final Clock clock;

	private final IdentityService identityService;

	IncidentService(IncidentRepository incidents, ReferenceGenerator references, RuntimeService runtimeService,
			Validator validator, DispatchSlaProperties sla, Clock clock, IdentityService identityService) {
		this.identityService = identityService;
		this.incidents = incidents;
		this.references = references;
		this.runtimeService = runtimeService;
		this.validator = validator;
		this.sla = sla;
		this.clock = clock;
	}

	/**
	 * Takes an incident in through the API: starts the process with the intake, exactly as the start form in
	 * Tasklist does, and returns the incident the process registered. All or nothing.
	 */
	@Transactional
	public Incident intake(IntakeRequest request) {
		IntakeRequest complete = validated(request.contactedAtOrDefault(OffsetDateTime.now(this.clock)));
		ProcessInstance instance = this.runtimeService.startProcessInstanceByKey(IncidentProcess.PROCESS_KEY,
				IntakeVariables.of(complete));
		return this.incidents.findByProcessInstanceId(instance.getId())
			.orElseThrow(() -> new IllegalStateException(
					"process " + instance.getId() + " did not register its incident at " + IncidentProcess.Elements.TASK_REGISTER_INCIDENT));
	}

	/** Creates the incident record of a process instance that has just started. */
	@Transactional
	public Incident register(IntakeRequest intake, String processInstanceId) {
		Instant now = this.clock.instant();
		IntakeRequest complete = validated(intake.contactedAtOrDefault(OffsetDateTime.now(this.clock)));
		Instant contactedAt = complete.contactedAt().toInstant();
		IncidentStatus status = complete.clientType() == ClientType.INDIVIDUAL ? IncidentStatus.REFERRED
				: IncidentStatus.OPEN;
		String reference = this.references.next(contactedAt);
		long id = this.incidents.insert(reference, processInstanceId, complete, status,
				contactedAt.plus(this.sla.deadline()), now);
		return get(id);
	}

	public Incident get(long id) {
		return this.incidents.findById(id).orElseThrow(() -> new IncidentNotFoundException(id));
	}

	/** The incident of a process instance, if it is one. */
	public Optional<Incident> findByProcessInstanceId(String processInstanceId) {
		return this.incidents.findByProcessInstanceId(processInstanceId);
	}

	/** The newest incidents first. */
	public List<Incident> list(int page, int size) {
		return this.incidents.findPage(page * size, size);
	}

	/** The newest incidents first, of those the user may see ({@link Incident#visibleTo}). */
	public List<Incident> listVisibleTo(String userId, boolean manager, int page, int size) {
		return manager ? list(page, size) : this.incidents.findPageVisibleTo(userId, page * size, size);
	}

	public long count() {
		return this.incidents.count();
	}

	/** When managers are warned that nobody has been dispatched yet. */
	public Instant dispatchSlaWarningAt(Incident incident) {
		return incident.contactedAt().plus(this.sla.warningAfter());
	}

	@Transactional
	public void enterPhase(long id, Phase phase) {
		this.incidents.updatePhase(id, phase);
	}

	/**
	 * Who was dispatched. {@code responderUserId} (optional) must be a coordinator's or manager's user id: for a
	 * confidential incident it is the one user besides managers who sees it.
	 */
	@Transactional
	public void recordDispatch(long id, String responderName, String responderUserId, DispatchMode mode) {
		if (responderUserId != null && this.identityService.createUserQuery()
			.userId(responderUserId)
			.memberOfGroup(IncidentProcess.Groups.COORDINATORS)
			.count() == 0
				&& this.identityService.createUserQuery()
					.userId(responderUserId)
					.memberOfGroup(IncidentProcess.Groups.MANAGERS)
					.count() == 0) {
			throw new InvalidVariableException(IncidentProcess.Variables.RESPONDER_USER_ID,
					"is not the user id of a coordinator or manager: " + responderUserId);
		}
		this.incidents.recordDispatch(id, responderName, responderUserId, mode, this.clock.instant());
	}

	/** Records that the dispatch deadline passed with nobody dispatched; the first breach time is kept. */
	@Transactional
	public void recordDispatchSlaBreach(long id) {
		this.incidents.recordSlaBreach(id, this.clock.instant());
	}

	@Transactional
	public void recordPolicy(long id, ResponsePolicy policy, boolean mediaSupport, boolean monitoring) {
		this.incidents.recordPolicy(id, policy, mediaSupport, monitoring);
	}

	/** The client did not conclude the NDA: no work is done. */
	@Transactional
	public void decline(long id) {
		this.incidents.updateStatus(id, IncidentStatus.DECLINED);
	}

	@Transactional
	public void close(long id) {
		this.incidents.close(id, this.clock.instant());
	}

	private IntakeRequest validated(IntakeRequest request) {
		var violations = this.validator.validate(request);
		if (!violations.isEmpty()) {
			throw new InvalidIntakeException(violations.stream()
				.sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
				.map(v -> new InvalidIntakeException.FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
				.toList());
		}
		return request;
	}

}
