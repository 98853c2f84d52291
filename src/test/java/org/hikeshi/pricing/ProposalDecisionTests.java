package org.hikeshi.pricing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.ResponsePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hikeshi.incident.DataCategory.GENERAL_PERSONAL;
import static org.hikeshi.incident.DataCategory.NONE;
import static org.hikeshi.incident.DataCategory.SENSITIVE_PERSONAL;
import static org.hikeshi.incident.IncidentType.CARD_DATA_LEAK;
import static org.hikeshi.incident.IncidentType.DOS_ATTACK;
import static org.hikeshi.incident.IncidentType.MISSENT_EMAIL;
import static org.hikeshi.incident.IncidentType.OTHER;
import static org.hikeshi.incident.IncidentType.PC_LOST;
import static org.hikeshi.incident.IncidentType.PC_STOLEN;
import static org.hikeshi.incident.IncidentType.RANSOMWARE;
import static org.hikeshi.incident.IncidentType.SPAM_COMPLAINTS;
import static org.hikeshi.incident.IncidentType.THREAT_RECEIVED;
import static org.hikeshi.incident.IncidentType.WEBSITE_DEFACED;
import static org.hikeshi.incident.ResponsePolicy.EVIDENCE_FIRST;
import static org.hikeshi.incident.ResponsePolicy.RECOVERY_FIRST;

/**
 * The decision table {@code processes/pricing-proposal.dmn}, evaluated by a standalone DMN engine from the
 * classpath: each scenario hits exactly the rules named, every rule is hit by some scenario, and the proposals
 * priced from the seed catalog come to the published prices.
 */
class ProposalDecisionTests {

	private final List<String> matchedRules = new ArrayList<>();

	private final DmnEngine engine = engine(
			event -> event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(this.matchedRules::add));

	private final DmnDecision decision = PricingFixtures.parseDecision(this.engine);

	private final ProposalDecision proposals = new ProposalDecision(PricingFixtures.evaluator(this.engine, this.decision));

	private final Catalog catalog = PricingFixtures.seedCatalog();

	record Scenario(String name, Set<IncidentType> types, ResponsePolicy policy, boolean insider,
			Set<DataCategory> data, boolean media, boolean monitoring, int months, Set<String> rules,
			long subtotal) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Scenario> scenarios() {
		return Stream.of(
				new Scenario("ransomware, recovery first (example 2, case 1)", Set.of(RANSOMWARE), RECOVERY_FIRST,
						false, Set.of(NONE), false, false, 0, Set.of("Rule_RansomwareRecovery"), 90_000),
				new Scenario("ransomware, evidence first (example 6)", Set.of(RANSOMWARE), EVIDENCE_FIRST, false,
						Set.of(NONE), false, false, 0, Set.of("Rule_RansomwareInvestigation"), 320_000),
				new Scenario("website defaced (example 3)", Set.of(WEBSITE_DEFACED), RECOVERY_FIRST, false,
						Set.of(NONE), false, false, 0, Set.of("Rule_WebsiteTampering"), 800_000),
				new Scenario("spam from own domain (example 5)", Set.of(SPAM_COMPLAINTS), RECOVERY_FIRST, false,
						Set.of(NONE), false, false, 0, Set.of("Rule_MailServerCompromise"), 180_000),
				new Scenario("leak without personal data, evidence first (example 4)", Set.of(CARD_DATA_LEAK),
						EVIDENCE_FIRST, false, Set.of(NONE), false, false, 0, Set.of("Rule_LeakEvidence"), 480_000),
				new Scenario("personal data leak, evidence first (example 7)", Set.of(MISSENT_EMAIL), EVIDENCE_FIRST,
						false, Set.of(GENERAL_PERSONAL), false, false, 0, Set.of("Rule_LeakPersonalDataEvidence"),
						2_480_000),
				new Scenario("personal data leak, recovery first (example 7)", Set.of(PC_LOST), RECOVERY_FIRST, true,
						Set.of(SENSITIVE_PERSONAL), false, false, 0, Set.of("Rule_LeakPersonalDataRecovery"),
						2_480_000),
				new Scenario("leak without personal data, recovery first", Set.of(PC_STOLEN), RECOVERY_FIRST, false,
						Set.of(NONE), false, false, 0, Set.of("Rule_LeakRecoveryConsultation",
								"Rule_LeakRecoveryInvestigation", "Rule_LeakRecoveryProposal"),
						370_000),
				new Scenario("insider leak, evidence first (case 2)", Set.of(OTHER), EVIDENCE_FIRST, true,
						Set.of(NONE), false, false, 0, Set.of("Rule_InsiderEvidence"), 520_000),
				new Scenario("DoS, phone consultation (example 1)", Set.of(DOS_ATTACK), RECOVERY_FIRST, false,
						Set.of(NONE), false, false, 0, Set.of("Rule_PhoneConsultation"), 0),
				new Scenario("threat with insider suspected, recovery first", Set.of(THREAT_RECEIVED), RECOVERY_FIRST,
						true, Set.of(NONE), false, false, 0, Set.of("Rule_PhoneConsultationInsiderRecovery"), 0),
				new Scenario("ransomware with media support and personal data", Set.of(RANSOMWARE), RECOVERY_FIRST,
						false, Set.of(GENERAL_PERSONAL), true, false, 0,
						Set.of("Rule_RansomwareRecovery", "Rule_MediaSupport", "Rule_ApologyQa"),
						90_000 + 300_000 + 200_000),
				new Scenario("website defaced with media support and 3 months of monitoring", Set.of(WEBSITE_DEFACED),
						RECOVERY_FIRST, false, Set.of(NONE), true, true, 3,
						Set.of("Rule_WebsiteTampering", "Rule_MediaSupport", "Rule_IdsInstallation",
								"Rule_RemoteMonitoring", "Rule_AlertAnalysis"),
						800_000 + 300_000 + 300_000 + 3 * 150_000 + 3 * 50_000),
				new Scenario("ransomware and card data leak: both, hearing once", Set.of(RANSOMWARE, CARD_DATA_LEAK),
						RECOVERY_FIRST, false, Set.of(GENERAL_PERSONAL), false, false, 0,
						Set.of("Rule_RansomwareRecovery", "Rule_LeakPersonalDataRecovery"), 30_000 + 60_000 + 2_480_000));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void scenarioHitsItsRulesAndPrice(Scenario scenario) {
		List<PricedLine> lines = lines(scenario);

		assertThat(new LinkedHashSet<>(this.matchedRules)).containsExactlyInAnyOrderElementsOf(scenario.rules());
		assertThat(Totals.of(lines).subtotal()).isEqualTo(scenario.subtotal());
		assertThat(lines).extracting(PricedLine::code).doesNotHaveDuplicates();
	}

	@Test
	void everyRuleIsHitBySomeScenario() {
		Set<String> hit = new LinkedHashSet<>();
		scenarios().forEach(scenario -> {
			this.matchedRules.clear();
			lines(scenario);
			hit.addAll(this.matchedRules);
		});

		assertThat(hit).containsExactlyInAnyOrderElementsOf(ruleIds());
	}

	@Test
	void insiderCaseProposesExactlyTheCase2Items() {
		Incident incident = PricingFixtures.incident(2, Set.of(OTHER), Set.of(NONE), true);

		List<PricedLine> lines = ProposalDecision.expand(
				this.proposals.propose(incident, new ProposalRequest(EVIDENCE_FIRST, false, false, 0)), this.catalog, 0,
				10);

		assertThat(lines).extracting(PricedLine::code, PricedLine::amount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("PHONE_HEARING", 0L),
					org.assertj.core.groups.Tuple.tuple("FORENSIC_EVIDENCE_PRESERVATION", 400_000L),
					org.assertj.core.groups.Tuple.tuple("RECURRENCE_PREVENTION_PROPOSAL", 120_000L));
	}

	@Test
	void incidentWithoutTypesIsTreatedAsOther() {
		Incident incident = PricingFixtures.incident(3, Set.of(), Set.of(), false);

		assertThat(this.proposals.propose(incident, new ProposalRequest(RECOVERY_FIRST, false, false, 0)))
			.containsExactly(new ProposalDecision.Proposal("PHONE_CONSULTATION", null, 1, false));
	}

	@Test
	void decisionKeepsItsHistoryAndIsModelerReadable() throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(ProposalDecision.RESOURCE)) {
			String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			DmnModelInstance model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(
					xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			Decision decision = model.getModelElementById(ProposalDecision.DECISION_KEY);

			assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("1825");
			assertThat(xml).contains("<dmndi:DMNShape id=\"DMNShape_PricingProposal\" dmnElementRef=\""
					+ ProposalDecision.DECISION_KEY + "\">");
		}
	}

	@Test
	void proposalOfAnUnknownCodeFailsClearly() {
		ProposalDecision broken = new ProposalDecision(variables -> List.of(Map.of("itemCode", "NO_SUCH_ITEM")));
		var proposed = broken.propose(PricingFixtures.incident(4, Set.of(RANSOMWARE), Set.of(NONE), false),
				new ProposalRequest(RECOVERY_FIRST, false, false, 0));

		assertThatThrownBy(() -> ProposalDecision.expand(proposed, this.catalog, 0, 10))
			.isInstanceOf(PricingConfigurationException.class)
			.hasMessageContaining("proposes item 'NO_SUCH_ITEM', which catalog version 1 does not have");
	}

	@Test
	void ruleNamingBothAPackageAndAnItemFailsClearly() {
		ProposalDecision broken = new ProposalDecision(
				variables -> List.of(Map.of("packageCode", "RANSOMWARE_RECOVERY", "itemCode", "DATA_RECOVERY")));

		assertThatThrownBy(() -> broken.propose(PricingFixtures.incident(5, Set.of(RANSOMWARE), Set.of(NONE), false),
				new ProposalRequest(RECOVERY_FIRST, false, false, 0)))
			.isInstanceOf(PricingConfigurationException.class)
			.hasMessageContaining("both a packageCode and an itemCode");
	}

	private List<PricedLine> lines(Scenario scenario) {
		Incident incident = PricingFixtures.incident(1, scenario.types(), scenario.data(), scenario.insider());
		ProposalRequest request = new ProposalRequest(scenario.policy(), scenario.media(), scenario.monitoring(),
				scenario.months());
		return ProposalDecision.expand(this.proposals.propose(incident, request), this.catalog, scenario.months(), 10);
	}

	private static Set<String> ruleIds() {
		try (InputStream in = ProposalDecisionTests.class.getClassLoader()
			.getResourceAsStream(ProposalDecision.RESOURCE)) {
			return Dmn.readModelFromStream(in)
				.getModelElementsByType(Rule.class)
				.stream()
				.map(Rule::getId)
				.collect(Collectors.toCollection(LinkedHashSet::new));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DmnEngine engine(DmnDecisionTableEvaluationListener listener) {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
		return configuration.buildEngine();
	}

}
