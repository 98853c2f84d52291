package org.hikeshi.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.IncidentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which authority reports are due and when (APPI Art. 26, Enforcement Rules Art. 7-8; GDPR Art. 33). */
class DeadlineRulesTests {

	private static final Instant AWARE = Instant.parse("2026-11-20T01:00:00Z");

	@Test
	void aLeakFromUnauthorizedAccessGivesFiveAndSixtyDays() {
		var deadlines = DeadlineRules.schedule(assessment(true, true, false, null, Set.of(DataCategory.GENERAL_PERSONAL)));

		assertThat(deadlines).extracting(DeadlineRules.Scheduled::kind)
			.containsExactly(DeadlineKind.PPC_PRELIMINARY, DeadlineKind.PPC_FINAL);
		assertThat(deadlines.get(0).dueAt()).isEqualTo(AWARE.plus(Duration.ofDays(5)));
		assertThat(deadlines.get(0).warningAt()).isEqualTo(AWARE.plus(Duration.ofDays(3)));
		assertThat(deadlines.get(1).dueAt()).isEqualTo(AWARE.plus(Duration.ofDays(60)));
		assertThat(deadlines.get(1).warningAt()).isEqualTo(AWARE.plus(Duration.ofDays(53)));
		assertThat(deadlines.get(0).legalBasis()).contains("Art. 7 (iii)");
	}

	@Test
	void specialCareDataWithoutAnImproperPurposeGivesThirtyDays() {
		var deadlines = DeadlineRules.schedule(assessment(true, false, false, 3, Set.of(DataCategory.SPECIAL_CARE)));

		assertThat(deadlines.get(1).dueAt()).isEqualTo(AWARE.plus(Duration.ofDays(30)));
		assertThat(deadlines.get(1).legalBasis()).contains("30");
		assertThat(deadlines.get(0).legalBasis()).contains("(i)");
	}

	@Test
	void moreThanAThousandPeopleMakeTheReportDueEvenForOrdinaryData() {
		assertThat(DeadlineRules.schedule(assessment(true, false, false, 1000, Set.of(DataCategory.GENERAL_PERSONAL))))
			.as("1,000 is not more than 1,000")
			.isEmpty();
		assertThat(DeadlineRules.schedule(assessment(true, false, false, 1001, Set.of(DataCategory.GENERAL_PERSONAL))))
			.extracting(DeadlineRules.Scheduled::kind)
			.containsExactly(DeadlineKind.PPC_PRELIMINARY, DeadlineKind.PPC_FINAL);
	}

	@Test
	void euDataSubjectsAddTheGdpr72Hours() {
		var deadlines = DeadlineRules.schedule(assessment(true, false, true, null, Set.of(DataCategory.GENERAL_PERSONAL)));

		assertThat(deadlines).singleElement().satisfies(gdpr -> {
			assertThat(gdpr.kind()).isEqualTo(DeadlineKind.GDPR);
			assertThat(gdpr.dueAt()).isEqualTo(AWARE.plus(Duration.ofHours(72)));
			assertThat(gdpr.warningAt()).isEqualTo(AWARE.plus(Duration.ofHours(48)));
		});
	}

	@Test
	void noLeakNoReport() {
		assertThat(DeadlineRules.schedule(assessment(false, true, true, 5000, Set.of(DataCategory.SPECIAL_CARE)))).isEmpty();
	}

	private static ReportingAssessment assessment(boolean leak, boolean unauthorizedAccess, boolean eu, Integer people,
			Set<DataCategory> categories) {
		return new ReportingAssessment(AWARE, leak, unauthorizedAccess, eu, people, categories, Set.of(IncidentType.OTHER));
	}

}
