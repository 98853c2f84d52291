package org.hikeshi.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hikeshi.incident.IncidentService;
import org.hikeshi.incident.InvalidVariableException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of custody of an incident's evidence: registration, hand-overs, verification, and the submission of
 * the evidence, which is refused unless every chain verifies. Records are only ever appended.
 */
@Service
public class CustodyService {

	private final EvidenceRepository repository;

	private final IncidentService incidents;

	private final Clock clock;

	CustodyService(EvidenceRepository repository, IncidentService incidents, Clock clock) {
		this.repository = repository;
		this.incidents = incidents;
		this.clock = clock;
	}

	/** Registers a collected item: the item and the first entry of its chain (collector as first custodian). */
	@Transactional
	public EvidenceRecord register(long incidentId, RegisterEvidenceRequest request, String user) {
		this.incidents.get(incidentId);
		this.repository.lockIncident(incidentId);
		Instant now = now();
		EvidenceItem draft = new EvidenceItem(0, incidentId, this.repository.nextItemNo(incidentId), request.kind(),
				request.description().strip(), request.collectedBy().strip(), truncated(request.collectedAt()),
				request.location().strip(), request.sha256().toLowerCase(Locale.ROOT), user, now);
		long id = this.repository.insertItem(draft);
		EvidenceItem item = new EvidenceItem(id, incidentId, draft.itemNo(), draft.kind(), draft.description(),
				draft.collectedBy(), draft.collectedAt(), draft.location(), draft.sha256(), user, now);
		append(item, 1, CustodyEntryType.REGISTERED, null, item.collectedBy(), item.collectedAt(),
				"収集・登録 / collected and registered at " + item.location(), user, CustodyChain.GENESIS);
		return record(item);
	}

	/** Appends a hand-over to an item's chain; the chain must verify and the hand-over come from its custodian. */
	@Transactional
	public EvidenceRecord handOver(long incidentId, int itemNo, HandOverRequest request, String user) {
		EvidenceItem item = item(incidentId, itemNo);
		this.repository.lockItem(item.id());
		EvidenceRecord current = record(item);
		if (!current.verified()) {
			throw new CustodyConflictException("The chain of custody of item " + itemNo
					+ " does not verify; nothing can be appended to it: " + String.join("; ", current.problems()));
		}
		String from = request.from() == null || request.from().isBlank() ? current.custodian() : request.from().strip();
		if (!from.equals(current.custodian())) {
			throw new CustodyConflictException("Item " + itemNo + " is held by " + current.custodian() + ", not by " + from);
		}
		Instant at = truncated(request.at());
		CustodyEntry last = current.chain().get(current.chain().size() - 1);
		if (at.isBefore(last.handedOverAt())) {
			throw new CustodyConflictException("A hand-over of item " + itemNo + " cannot be before its last entry ("
					+ last.handedOverAt() + ")");
		}
		append(item, last.seq() + 1, CustodyEntryType.HANDED_OVER, from, request.to().strip(), at,
				request.reason().strip(), user, last.entryHash());
		return record(item);
	}

	public List<EvidenceRecord> records(long incidentId) {
		this.incidents.get(incidentId);
		return this.repository.items(incidentId).stream().map(this::record).toList();
	}

	public EvidenceRecord record(long incidentId, int itemNo) {
		return record(item(incidentId, itemNo));
	}

	public CustodyVerification verify(long incidentId) {
		List<EvidenceRecord> records = records(incidentId);
		List<CustodyVerification.ItemResult> results = records.stream()
			.map(r -> new CustodyVerification.ItemResult(r.item().itemNo(), r.verified(), r.chain().size(), r.headHash(),
					r.problems()))
			.toList();
		boolean verified = !records.isEmpty() && records.stream().allMatch(EvidenceRecord::verified);
		return new CustodyVerification(incidentId, now(), records.size(), verified, results);
	}

	/**
	 * {@code Task_RecordEvidenceSubmission}: the evidence goes to {@code submittedTo}. Refused (the submit task stays
	 * open) when no item is registered or a chain does not verify; otherwise each item's hand-over to the recipient is
	 * appended.
	 */
	@Transactional
	public CustodyVerification recordSubmission(long incidentId, String submittedTo, OffsetDateTime submittedOn,
			String user) {
		CustodyVerification verification = verify(incidentId);
		if (verification.items() == 0) {
			throw new InvalidVariableException("evidenceSubmittedTo",
					"cannot be recorded: no evidence item is registered (POST /api/incidents/" + incidentId + "/evidence)");
		}
		if (!verification.verified()) {
			List<String> problems = new ArrayList<>();
			verification.results()
				.stream()
				.filter(r -> !r.verified())
				.forEach(r -> problems.add("item " + r.itemNo() + ": " + String.join("; ", r.problems())));
			throw new InvalidVariableException("evidenceSubmittedTo",
					"cannot be recorded: the chain of custody does not verify (" + String.join(" / ", problems) + ")");
		}
		Instant at = submittedOn == null ? now() : truncated(submittedOn);
		for (EvidenceRecord record : records(incidentId)) {
			if (record.custodian().equals(submittedTo.strip())) {
				continue; // already with the recipient
			}
			CustodyEntry last = record.chain().get(record.chain().size() - 1);
			Instant when = at.isBefore(last.handedOverAt()) ? last.handedOverAt() : at;
			append(record.item(), last.seq() + 1, CustodyEntryType.HANDED_OVER, record.custodian(), submittedTo.strip(),
					when, "証拠の提出 / evidence submitted", user, last.entryHash());
		}
		return verify(incidentId);
	}

	private void append(EvidenceItem item, int seq, CustodyEntryType type, String from, String to, Instant at,
			String reason, String user, String previousHash) {
		Instant recordedAt = now();
		String hash = CustodyChain.hash(item, seq, type, from, to, at, reason, user, recordedAt, previousHash);
		this.repository.insertEntry(new CustodyEntry(0, item.id(), seq, type, from, to, at, reason, user, recordedAt,
				previousHash, hash));
	}

	private EvidenceRecord record(EvidenceItem item) {
		List<CustodyEntry> chain = this.repository.entries(item.id());
		List<String> problems = CustodyChain.problems(item, chain);
		String custodian = chain.isEmpty() ? item.collectedBy() : chain.get(chain.size() - 1).toParty();
		String head = chain.isEmpty() ? CustodyChain.GENESIS : chain.get(chain.size() - 1).entryHash();
		return new EvidenceRecord(item, chain, custodian, problems.isEmpty(), problems, head);
	}

	private EvidenceItem item(long incidentId, int itemNo) {
		this.incidents.get(incidentId);
		return this.repository.item(incidentId, itemNo)
			.orElseThrow(() -> new EvidenceNotFoundException(incidentId, itemNo));
	}

	/** Stored to the millisecond, so that what is hashed is what the database gives back. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Instant truncated(OffsetDateTime time) {
		return time.toInstant().truncatedTo(ChronoUnit.MILLIS);
	}

}
