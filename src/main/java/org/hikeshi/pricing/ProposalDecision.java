package org.hikeshi.pricing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.DecisionService;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which packages and items a quote proposes: the DMN decision {@value #DECISION_KEY}
 * ({@code processes/pricing-proposal.dmn}, hit policy COLLECT), evaluated once per incident type of the incident
 * through the engine's {@link DecisionService}, so the newest version a manager deployed applies. The results are
 * expanded against a catalog version into quote lines.
 */
@Component
class ProposalDecision {

	static final String DECISION_KEY = "pricing-proposal";

	static final String RESOURCE = "pricing-proposal.dmn";

	// decision inputs
	static final String INCIDENT_TYPE = "incidentType";

	static final String RESPONSE_POLICY = "responsePolicy";

	static final String INSIDER_SUSPECTED = "insiderSuspected";

	static final String PERSONAL_DATA_INVOLVED = "personalDataInvolved";

	static final String MEDIA_SUPPORT_REQUESTED = "mediaSupportRequested";

	static final String MONITORING_CONTRACTED = "monitoringContracted";

	// decision outputs
	static final String PACKAGE_CODE = "packageCode";

	static final String ITEM_CODE = "itemCode";

	static final String QUANTITY = "quantity";

	static final String PER_MONITORING_MONTH = "perMonitoringMonth";

	private final Function<Map<String, Object>, List<Map<String, Object>>> evaluate;

	@Autowired
	ProposalDecision(DecisionService decisions) {
		this(variables -> decisions.evaluateDecisionByKey(DECISION_KEY).variables(variables).evaluate().getResultList());
	}

	/** With any evaluator of the decision, such as a standalone DMN engine in tests. */
	ProposalDecision(Function<Map<String, Object>, List<Map<String, Object>>> evaluate) {
		this.evaluate = evaluate;
	}

	/** A result row: a package or an item, how many, and whether per month of monitoring. */
	record Proposal(String packageCode, String itemCode, int quantity, boolean perMonitoringMonth) {

	}

	/** The proposals for an incident, in table order, without repeats. */
	List<Proposal> propose(Incident incident, ProposalRequest request) {
		Set<IncidentType> types = incident.incidentTypes().isEmpty() ? EnumSet.of(IncidentType.OTHER)
				: EnumSet.copyOf(incident.incidentTypes());
		Map<Proposal, Boolean> proposals = new LinkedHashMap<>();
		for (IncidentType type : types) {
			for (Map<String, Object> row : this.evaluate.apply(inputs(type, incident, request))) {
				proposals.put(proposal(row), Boolean.TRUE);
			}
		}
		return new ArrayList<>(proposals.keySet());
	}

	static Map<String, Object> inputs(IncidentType type, Incident incident, ProposalRequest request) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(INCIDENT_TYPE, type.name());
		variables.put(RESPONSE_POLICY, request.responsePolicy().name());
		variables.put(INSIDER_SUSPECTED, incident.insiderSuspected());
		variables.put(PERSONAL_DATA_INVOLVED, incident.personalDataPossiblyInvolved());
		variables.put(MEDIA_SUPPORT_REQUESTED, request.mediaSupportRequested());
		variables.put(MONITORING_CONTRACTED, request.monitoringContracted());
		return variables;
	}

	private static Proposal proposal(Map<String, Object> row) {
		String packageCode = blankToNull(row.get(PACKAGE_CODE));
		String itemCode = blankToNull(row.get(ITEM_CODE));
		if ((packageCode == null) == (itemCode == null)) {
			throw new PricingConfigurationException("Decision " + DECISION_KEY + " returned a rule with "
					+ (packageCode == null ? "neither a packageCode nor an itemCode" : "both a packageCode and an itemCode")
					+ ": " + row + ". Each rule must name exactly one of them.");
		}
		Object quantity = row.get(QUANTITY);
		int count = quantity instanceof Number number ? number.intValue() : 1;
		if (count < 1) {
			throw new PricingConfigurationException(
					"Decision " + DECISION_KEY + " returned quantity " + count + " for " + row + ": it must be at least 1.");
		}
		return new Proposal(packageCode, itemCode, count, Boolean.TRUE.equals(row.get(PER_MONITORING_MONTH)));
	}

	/**
	 * The quote lines of the proposals: packages expanded into their items, monthly rows times the months; an item
	 * proposed several times (the phone hearing is in every package) appears once, with its largest quantity.
	 */
	static List<PricedLine> expand(List<Proposal> proposals, Catalog catalog, int monitoringMonths,
			int taxRatePercent) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		for (Proposal proposal : proposals) {
			int times = Math.multiplyExact(proposal.quantity(),
					proposal.perMonitoringMonth() ? Math.max(1, monitoringMonths) : 1);
			if (proposal.packageCode() != null) {
				CatalogPackage pkg = catalog.findPackage(proposal.packageCode())
					.orElseThrow(() -> unknown("package", proposal.packageCode(), catalog));
				for (PackageItem line : pkg.items()) {
					quantities.merge(line.itemCode(), Math.multiplyExact(line.quantity(), times), Math::max);
				}
			}
			else {
				quantities.merge(proposal.itemCode(), times, Math::max);
			}
		}
		List<PricedLine> lines = new ArrayList<>();
		quantities.forEach((code, quantity) -> lines.add(PricedLine.ofItem(null,
				catalog.findItem(code).orElseThrow(() -> unknown("item", code, catalog)), quantity, taxRatePercent)));
		return lines;
	}

	private static PricingConfigurationException unknown(String what, String code, Catalog catalog) {
		return new PricingConfigurationException("Decision " + DECISION_KEY + " proposes " + what + " '" + code
				+ "', which catalog version " + catalog.version() + " does not have: correct the decision in "
				+ "Camunda Modeler or publish a catalog version with it, then retry.");
	}

	private static String blankToNull(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

}
