package org.hikeshi.pricing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quote of an incident: drafted by the process from the proposal decision and the current catalog, adjusted by
 * a coordinator while it is a draft, then issued (frozen) when it is sent to the client.
 */
@Service
public class QuoteService {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final QuoteRepository quotes;

	private final CatalogService catalogs;

	private final ProposalDecision decision;

	private final IncidentService incidents;

	private final PricingProperties properties;

	private final Clock clock;

	QuoteService(QuoteRepository quotes, CatalogService catalogs, ProposalDecision decision,
			IncidentService incidents, PricingProperties properties, Clock clock) {
		this.quotes = quotes;
		this.catalogs = catalogs;
		this.decision = decision;
		this.incidents = incidents;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Drafts the quote of an incident: the items the decision proposes, priced from the current catalog version.
	 * Running it again replaces the draft (a retried job never makes a second quote); an issued quote is refused.
	 */
	@Transactional
	public Quote prepareDraft(long incidentId, ProposalRequest request) {
		Incident incident = this.incidents.get(incidentId);
		Catalog catalog = this.catalogs.current();
		List<PricedLine> lines = ProposalDecision.expand(this.decision.propose(incident, request), catalog,
				request.monitoringMonths(), this.properties.taxRatePercent());
		Recipient recipient = new Recipient(incident.organization(), incident.contactName());
		Optional<QuoteRepository.Header> existing = this.quotes.findByIncident(incidentId);
		long quoteId;
		if (existing.isPresent()) {
			quoteId = existing.get().id();
			if (!this.quotes.resetDraft(quoteId, catalog.version(), recipient, this.clock.instant())) {
				throw PricingConflictException.quoteIssued(existing.get().number());
			}
		}
		else {
			quoteId = this.quotes.insertDraft(incidentId, incident.reference(), quoteNumber(incident.reference()),
					catalog.version(), recipient, this.clock.instant());
		}
		lines.forEach(line -> this.quotes.addLine(quoteId, line));
		return getQuote(incidentId);
	}

	@Transactional(readOnly = true)
	public Optional<Quote> findQuote(long incidentId) {
		return this.quotes.findByIncident(incidentId).map(this::quote);
	}

	/** The quote of an incident, or a not-found exception (404) that says why there is none. */
	@Transactional(readOnly = true)
	public Quote getQuote(long incidentId) {
		return findQuote(incidentId).orElseThrow(() -> PricingNotFoundException.quote(incidentId));
	}

	/** Adds an item of the quote's catalog version to a draft. */
	@Transactional
	public Quote addLine(long incidentId, String itemCode, int quantity) {
		requireQuantity(quantity);
		QuoteRepository.Header draft = lockDraft(incidentId);
		Catalog catalog = this.catalogs.version(draft.catalogVersion());
		CatalogItem item = catalog.findItem(itemCode == null ? "" : itemCode.strip())
			.orElseThrow(() -> new PricingInputException("code", "unknown item code '" + itemCode
					+ "': catalog version " + catalog.version() + " has no such item (see GET /api/pricing/catalog)"));
		this.quotes.lines(draft.id())
			.stream()
			.filter(line -> line.kind() == LineKind.ITEM && line.code().equals(item.code()))
			.findFirst()
			.ifPresent(line -> {
				throw PricingConflictException.duplicateLine(item.code(), line.id());
			});
		this.quotes.addLine(draft.id(), PricedLine.ofItem(null, item, quantity, this.properties.taxRatePercent()));
		return quote(draft);
	}

	/** Changes the quantity of a line of a draft (at least 1; remove a line to drop it). */
	@Transactional
	public Quote changeQuantity(long incidentId, long lineId, int quantity) {
		requireQuantity(quantity);
		QuoteRepository.Header draft = lockDraft(incidentId);
		if (!this.quotes.changeQuantity(draft.id(), lineId, quantity)) {
			throw PricingNotFoundException.line(incidentId, lineId);
		}
		return quote(draft);
	}

	@Transactional
	public Quote removeLine(long incidentId, long lineId) {
		QuoteRepository.Header draft = lockDraft(incidentId);
		if (!this.quotes.removeLine(draft.id(), lineId)) {
			throw PricingNotFoundException.line(incidentId, lineId);
		}
		return quote(draft);
	}

	/**
	 * Adds estimated travel costs to a draft, for a site outside Tokyo, Kanagawa, Chiba and Saitama. The invoice
	 * replaces these estimates with the expenses actually recorded, when there are any.
	 */
	@Transactional
	public Quote addTravelExpense(long incidentId, ExpenseKind kind, String description, long unitPrice,
			int quantity) {
		requireQuantity(quantity);
		if (kind == null) {
			throw new PricingInputException("kind", "is required: one of TRANSPORT, ACCOMMODATION");
		}
		if (unitPrice < 1) {
			throw new PricingInputException("unitPrice", "must be at least 1 yen, not " + unitPrice);
		}
		String text = requireDescription(description);
		TravelCosts.requireChargeable(this.incidents.get(incidentId).prefecture());
		QuoteRepository.Header draft = lockDraft(incidentId);
		this.quotes.addLine(draft.id(), expenseLine(kind, text, quantity, unitPrice, this.properties.taxRatePercent()));
		return quote(draft);
	}

	/**
	 * Issues the quote: marks it ISSUED with today's date (Japan) and the issuer's name and registration number,
	 * and returns it. Idempotent: an issued quote is returned as it is.
	 *
	 * @throws PricingNotFoundException when the incident has no quote
	 * @throws PricingConfigurationException when no issuer or registration number is configured
	 * @throws PricingConflictException when the draft has no lines
	 */
	@Transactional
	public Quote issueQuote(long incidentId) {
		QuoteRepository.Header header = this.quotes.findByIncident(incidentId)
			.orElseThrow(() -> PricingNotFoundException.quote(incidentId));
		if (header.status() == QuoteStatus.ISSUED) {
			return quote(header);
		}
		Issuer issuer = this.properties.requireIssuer();
		String registrationNumber = this.properties.requireRegistrationNumber();
		if (!this.quotes.lockDraft(header.id(), this.clock.instant())) {
			return getQuote(incidentId); // issued meanwhile by another transaction
		}
		if (this.quotes.lines(header.id()).isEmpty()) {
			throw PricingConflictException.emptyQuote(header.number());
		}
		this.quotes.markIssued(header.id(), today(), issuer, registrationNumber, this.clock.instant());
		return getQuote(incidentId);
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(JAPAN));
	}

	static String quoteNumber(String incidentReference) {
		return "Q-" + incidentReference;
	}

	static PricedLine expenseLine(ExpenseKind kind, String description, int quantity, long unitPrice,
			int taxRatePercent) {
		return PricedLine.of(null, LineKind.EXPENSE, kind.lineCode(), kind.nameJa() + " " + description,
				kind.nameEn() + " " + description, "式", "lot", quantity, unitPrice, taxRatePercent);
	}

	static String requireDescription(String description) {
		if (description == null || description.isBlank()) {
			throw new PricingInputException("description", "is required, e.g. 新幹線 東京–大阪 往復");
		}
		if (description.strip().length() > 200) {
			throw new PricingInputException("description", "must be at most 200 characters");
		}
		return description.strip();
	}

	private QuoteRepository.Header lockDraft(long incidentId) {
		QuoteRepository.Header header = this.quotes.findByIncident(incidentId)
			.orElseThrow(() -> PricingNotFoundException.quote(incidentId));
		if (!this.quotes.lockDraft(header.id(), this.clock.instant())) {
			throw PricingConflictException.quoteIssued(header.number());
		}
		return header;
	}

	private Quote quote(QuoteRepository.Header header) {
		return Quote.of(header.incidentId(), header.number(), header.incidentReference(), header.status(),
				header.catalogVersion(), header.recipient(), header.issueDate(), header.issuer(),
				header.registrationNumber(), this.quotes.lines(header.id()));
	}

	private static void requireQuantity(int quantity) {
		if (quantity < 1) {
			throw new PricingInputException("quantity", "must be at least 1, not " + quantity
					+ (quantity == 0 ? ": remove the line instead" : ""));
		}
	}

}
