package org.hikeshi.pricing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.hikeshi.incident.ClientType;
import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.Incident;
import org.hikeshi.incident.IncidentStatus;
import org.hikeshi.incident.IncidentType;
import org.hikeshi.incident.Language;
import org.hikeshi.incident.Phase;
import org.hikeshi.incident.Prefecture;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data shared by the pricing tests: the seed catalog, incidents, the proposal decision from its file. */
final class PricingFixtures {

	static final Instant NOW = Instant.parse("2026-03-31T16:00:00Z"); // 2026-04-01 01:00 in Japan

	static final String REGISTRATION_NUMBER = "T1234567890123";

	static final PricingProperties PROPERTIES = new PricingProperties("株式会社ヒケシ", "神奈川県横浜市西区1-2-3",
			"045-000-0000", REGISTRATION_NUMBER, 10);

	private PricingFixtures() {
	}

	/** Catalog version 1 as the seed file defines it, checked as publishing would check it. */
	static Catalog seedCatalog() {
		PublishCatalogRequest seed = CatalogSeeder.read();
		CatalogService.validate(seed);
		return new Catalog(1, NOW, CatalogSeeder.SEED_USER, seed.note(), seed.items(), seed.packages());
	}

	static Incident incident(long id, Prefecture prefecture, Set<IncidentType> types, Set<DataCategory> data,
			boolean insider) {
		return new Incident(id, reference(id), "pi-" + id, "株式会社テスト" + id, ClientType.CORPORATION, "山田 太郎",
				"yamada@example.com", "03-0000-0000", prefecture, NOW, NOW,
				types.isEmpty() ? EnumSet.noneOf(IncidentType.class) : EnumSet.copyOf(types),
				data.isEmpty() ? EnumSet.noneOf(DataCategory.class) : EnumSet.copyOf(data), "テスト", insider,
				Language.JA, IncidentStatus.OPEN, Phase.POLICY_DECISION, null, null, null, null, null, null, NOW, null, null,
				null, NOW);
	}

	static Incident incident(long id, Set<IncidentType> types, Set<DataCategory> data, boolean insider) {
		return incident(id, Prefecture.TOKYO, types, data, insider);
	}

	static String reference(long id) {
		return String.format("IR-2026-%04d", id);
	}

	/** Inserts the incident row that quotes, invoices and expenses refer to. */
	static void insertIncidentRow(JdbcClient jdbc, Incident incident) {
		jdbc.sql("""
				INSERT INTO incident (id, reference, process_instance_id, organization, client_type, contact_name,
					email, phone, prefecture, discovered_at, contacted_at, discovery_narrative, insider_suspected,
					language, status, phase, dispatch_due_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(incident.id(), incident.reference(), incident.processInstanceId(), incident.organization(),
					incident.clientType().name(), incident.contactName(), incident.email(), incident.phone(),
					incident.prefecture().name(), NOW.atOffset(java.time.ZoneOffset.UTC),
					NOW.atOffset(java.time.ZoneOffset.UTC), incident.discoveryNarrative(), incident.insiderSuspected(),
					incident.language().name(), incident.status().name(), incident.phase().name(),
					NOW.atOffset(java.time.ZoneOffset.UTC), NOW.atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	/** The decision parsed from processes/pricing-proposal.dmn on the classpath. */
	static DmnDecision parseDecision(DmnEngine engine) {
		try (var in = PricingFixtures.class.getClassLoader().getResourceAsStream(ProposalDecision.RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(ProposalDecision.RESOURCE + " is not on the classpath");
			}
			return engine.parseDecision(ProposalDecision.DECISION_KEY, in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Function<Map<String, Object>, List<Map<String, Object>>> evaluator(DmnEngine engine, DmnDecision decision) {
		return variables -> engine.evaluateDecision(decision, variables).getResultList();
	}

}
