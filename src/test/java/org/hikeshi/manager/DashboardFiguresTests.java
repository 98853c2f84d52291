package org.hikeshi.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hikeshi.manager.DashboardRepository.PeriodIncident;
import org.hikeshi.manager.DashboardService.Sla;
import org.hikeshi.manager.DashboardService.SlaOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's arithmetic: SLA outcomes at the edges, percentiles, CSV fields. */
class DashboardFiguresTests {

	private static final Instant CALL = Instant.parse("2026-10-10T00:00:00Z");

	private static final Instant DUE = CALL.plus(Duration.ofHours(24));

	@Test
	void shouldCountADispatchAtTheDeadlineAsMetAndOneMinuteLaterAsBreached() {
		Instant now = CALL.plus(Duration.ofDays(5));
		assertThat(DashboardService.outcome(incident("OPEN", DUE), now)).isEqualTo(SlaOutcome.MET);
		assertThat(DashboardService.outcome(incident("OPEN", DUE.plusSeconds(60)), now)).isEqualTo(SlaOutcome.BREACHED);
	}

	@Test
	void shouldCountAnUndispatchedIncidentAsPendingUntilItsDeadlineAndBreachedAfter() {
		assertThat(DashboardService.outcome(incident("OPEN", null), DUE.minusSeconds(1))).isEqualTo(SlaOutcome.PENDING);
		assertThat(DashboardService.outcome(incident("OPEN", null), DUE)).isEqualTo(SlaOutcome.BREACHED);
	}

	@Test
	void shouldLeaveReferredAndDeclinedIncidentsOutOfTheShare() {
		Instant now = CALL.plus(Duration.ofDays(5));
		Sla sla = DashboardService.sla(List.of(incident("REFERRED", null), incident("DECLINED", null),
				incident("CLOSED", CALL.plus(Duration.ofHours(3))), incident("OPEN", null)), now);
		assertThat(sla.decided()).isEqualTo(2);
		assertThat(sla.met()).isEqualTo(1);
		assertThat(sla.notEngaged()).isEqualTo(2);
		assertThat(sla.compliancePercent()).isEqualTo(50.0);
		assertThat(sla.breaches()).singleElement()
			.satisfies(breach -> assertThat(breach.lateMinutes()).isEqualTo(Duration.ofDays(4).toMinutes()));
	}

	@Test
	void shouldHaveNoShareWhenNothingIsDecided() {
		assertThat(DashboardService.sla(List.of(incident("OPEN", null)), CALL).compliancePercent()).isNull();
	}

	@Test
	void shouldInterpolatePercentilesLikeASpreadsheet() {
		Percentiles hours = Percentiles.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10).stream().map(Duration::ofHours).toList());
		assertThat(hours.medianHours()).isEqualTo(5.5);
		assertThat(hours.p90Hours()).isEqualTo(9.1);
		assertThat(Percentiles.of(List.of(Duration.ofMinutes(90))).p90Hours()).isEqualTo(1.5);
		assertThat(Percentiles.of(List.of()).medianHours()).isNull();
	}

	@Test
	void shouldQuoteCsvFieldsAndDisarmFormulas() {
		assertThat(DashboardController.field("株式会社A")).isEqualTo("株式会社A");
		assertThat(DashboardController.field("A, B \"C\"")).isEqualTo("\"A, B \"\"C\"\"\"");
		assertThat(DashboardController.field("=1+1")).isEqualTo("'=1+1");
		assertThat(DashboardController.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(DashboardController.field(null)).isEmpty();
	}

	private static PeriodIncident incident(String status, Instant dispatchedAt) {
		return new PeriodIncident(1, "IR-2026-0001", "株式会社A", status, "INTAKE", CALL, DUE, dispatchedAt, null, null,
				null);
	}

}
