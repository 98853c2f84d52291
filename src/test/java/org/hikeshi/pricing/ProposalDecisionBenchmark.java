package org.hikeshi.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.ResponsePolicy;

/**
 * How long the pricing decision takes (docs/performance.md, "The quote's decision"): {@link ProposalDecision} on
 * Camunda's standalone DMN engine with {@code processes/pricing-proposal.dmn}, every incident type under both
 * policies, with and without personal data and an insider, rounds of {@code evaluations} calls after one round
 * not counted. Prints milliseconds per call, a hash of every proposal list (equal for two FEEL engines that decide
 * alike) and the FEEL engine's jar. Not a test: it asserts nothing.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench/runtime-classpath.txt) \
 *     org.hikeshi.pricing.ProposalDecisionBenchmark [evaluations per round] [rounds]
 * </pre>
 *
 * To compare another FEEL engine, put its {@code feel-engine-*-scala-shaded.jar} first on the class path.
 */
public final class ProposalDecisionBenchmark {

	private ProposalDecisionBenchmark() {
	}

	public static void main(String[] args) {
		int evaluations = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		DmnDecision decision = PricingFixtures.parseDecision(engine);
		ProposalDecision proposals = new ProposalDecision(PricingFixtures.evaluator(engine, decision));
		List<Incident> incidents = new ArrayList<>();
		List<ProposalRequest> requests = new ArrayList<>();
		for (IncidentType type : IncidentType.values()) {
			for (ResponsePolicy policy : ResponsePolicy.values()) {
				boolean personal = incidents.size() % 2 == 0;
				incidents.add(PricingFixtures.incident(incidents.size() + 1, Set.of(type),
						Set.of(personal ? DataCategory.GENERAL_PERSONAL : DataCategory.NONE), incidents.size() % 3 == 0));
				requests.add(new ProposalRequest(policy, personal, !personal, personal ? 0 : 3));
			}
		}
		System.out.printf(Locale.ROOT, "FEEL engine: %s%n",
				org.camunda.feel.FeelEngine.class.getProtectionDomain().getCodeSource().getLocation());
		for (int round = 0; round <= rounds; round++) {
			long hash = 0;
			long start = System.nanoTime();
			for (int i = 0; i < evaluations; i++) {
				int scenario = i % incidents.size();
				hash = 31 * hash + proposals.propose(incidents.get(scenario), requests.get(scenario)).hashCode();
			}
			double perCall = (System.nanoTime() - start) / 1e6 / evaluations;
			System.out.printf(Locale.ROOT, "%s: %d calls, %.3f ms each, proposals hash %d%n",
					round == 0 ? "warm-up" : "round " + round, evaluations, perCall, hash);
		}
	}

}
