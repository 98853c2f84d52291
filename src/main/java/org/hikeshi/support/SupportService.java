package org.hikeshi.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentProcess;
import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.InvalidVariableException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support work of an incident: the reporting duties and their deadlines (met or missed, recorded here), the
 * drafts generated from the incident and the versions the coordinators saved.
 */
@Service
public class SupportService {

	/** A filing time may be this far ahead of the server's clock (clocks differ a little), not more. */
	private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final SupportRepository repository;

	private final IncidentService incidents;

	private final Clock clock;

	SupportService(SupportRepository repository, IncidentService incidents, Clock clock) {
		this.repository = repository;
		this.incidents = incidents;
		this.clock = clock;
	}

	/**
	 * {@code Task_DraftSupportDocuments}: opens the deadlines the assessment calls for and stores the generated
	 * drafts. Returns the deadlines and the drafts for the forms.
	 */
	@Transactional
	public Prepared prepare(long incidentId, ReportingAssessment assessment) {
		Instant now = this.clock.instant();
		if (assessment.awareAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
			throw new InvalidVariableException(IncidentProcess.Variables.AWARE_AT, "is in the future");
		}
		Incident incident = this.incidents.get(incidentId);
		if (!this.repository.deadlines(incidentId).isEmpty()) {
			throw new IllegalStateException("the deadlines of " + incident.reference() + " are already open");
		}
		List<DeadlineRules.Scheduled> scheduled = DeadlineRules.schedule(assessment);
		for (int i = 0; i < scheduled.size(); i++) {
			this.repository.insertDeadline(incidentId, i + 1, scheduled.get(i),
					assessment.awareAt().truncatedTo(ChronoUnit.MILLIS));
		}
		SupportDrafts.Drafts drafts = SupportDrafts.write(incident, assessment);
		this.repository.insertDocument(incidentId, SupportDocument.Kind.APOLOGY_LETTER, drafts.apologyLetter(), "hikeshi", now);
		this.repository.insertDocument(incidentId, SupportDocument.Kind.QA_SET, drafts.qaSet(), "hikeshi", now);
		this.repository.insertDocument(incidentId, SupportDocument.Kind.PPC_REPORT, json(drafts.ppcItems()), "hikeshi", now);
		return new Prepared(this.repository.deadlines(incidentId), drafts);
	}

	/** {@code Task_SaveSupportDrafts}: the edited apology letter and Q&A set, as new versions. */
	@Transactional
	public void saveDrafts(long incidentId, String apologyLetter, String qaSet, String user) {
		Instant now = this.clock.instant();
		this.repository.insertDocument(incidentId, SupportDocument.Kind.APOLOGY_LETTER, apologyLetter, user, now);
		this.repository.insertDocument(incidentId, SupportDocument.Kind.QA_SET, qaSet, user, now);
	}

	public AuthorityDeadline deadline(long incidentId, int seq) {
		return this.repository.deadline(incidentId, seq)
			.orElseThrow(() -> new IllegalStateException("incident " + incidentId + " has no deadline " + seq));
	}

	public AuthorityDeadline deadline(long id) {
		return this.repository.deadline(id).orElseThrow(() -> new IllegalStateException("no deadline " + id));
	}

	public List<AuthorityDeadline> deadlines(long incidentId) {
		this.incidents.get(incidentId);
		return this.repository.deadlines(incidentId);
	}

	public List<SupportDocument> documents(long incidentId) {
		this.incidents.get(incidentId);
		return this.repository.documents(incidentId);
	}

	/** The warning timer fired: managers are warned. */
	@Transactional
	public AuthorityDeadline recordWarning(long id) {
		this.repository.warned(id, this.clock.instant());
		return deadline(id);
	}

	/** The deadline timer fired before the report was filed. */
	@Transactional
	public AuthorityDeadline recordMissed(long id) {
		this.repository.missed(id, this.clock.instant());
		return deadline(id);
	}

	/**
	 * The report was filed at {@code filedAt}: met when by the deadline, missed when after it. The filing time
	 * decides, not when it was entered: a report filed in time but entered after the deadline timer fired is met.
	 */
	@Transactional
	public AuthorityDeadline recordFiled(long id, Instant filedAt, String receipt, Map<String, String> items,
			String user) {
		AuthorityDeadline deadline = deadline(id);
		if (filedAt.isAfter(this.clock.instant().plus(CLOCK_TOLERANCE))) {
			throw new InvalidVariableException(IncidentProcess.Variables.AUTHORITY_REPORT_FILED_AT, "is in the future");
		}
		if (filedAt.isBefore(deadline.awareAt())) {
			throw new InvalidVariableException(IncidentProcess.Variables.AUTHORITY_REPORT_FILED_AT,
					"is before the client became aware (" + deadline.awareAt() + ")");
		}
		AuthorityDeadline.Status status = filedAt.isAfter(deadline.dueAt()) ? AuthorityDeadline.Status.MISSED
				: AuthorityDeadline.Status.MET;
		this.repository.filed(id, filedAt.truncatedTo(ChronoUnit.MILLIS), user, receipt, json(items), status);
		return deadline(id);
	}

	private static String json(Map<String, String> items) {
		try {
			return JSON.writeValueAsString(new LinkedHashMap<>(items));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a map of strings is always JSON", ex);
		}
	}

	/** The deadlines opened and the drafts written. */
	public record Prepared(List<AuthorityDeadline> deadlines, SupportDrafts.Drafts drafts) {
	}

}
