package org.hikeshi.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hikeshi.incident.DataCategory;
import org.hikeshi.incident.IncidentType;

/**
 * Which authority reports are due and when, counted from when the client became aware (docs/phases.md):
 * <ul>
 * <li>APPI Art. 26(1) with Enforcement Rules Art. 7: a report to the PPC is due when personal data leaked or may
 * have leaked and (i) special care-required data is concerned, (ii) misuse could cause financial damage (card or
 * bank data), (iii) it may come from an improper purpose such as unauthorized access, or (iv) more than 1,000
 * people are concerned. Art. 8(1) asks for a preliminary report "promptly", which Hikeshi tracks as 5 days with a
 * warning at 3 days; Art. 8(2) for a final report within 30 days, 60 days in case (iii); warned 7 days before.</li>
 * <li>GDPR Art. 33(1): the supervisory authority within 72 hours when EU data subjects are concerned; warned 24
 * hours before.</li>
 * </ul>
 */
public final class DeadlineRules {

	static final Duration PRELIMINARY_DUE = Duration.ofDays(5);

	static final Duration PRELIMINARY_WARNING = Duration.ofDays(3);

	static final Duration FINAL_DUE = Duration.ofDays(30);

	static final Duration FINAL_DUE_IMPROPER_PURPOSE = Duration.ofDays(60);

	static final Duration FINAL_WARNING_BEFORE = Duration.ofDays(7);

	static final Duration GDPR_DUE = Duration.ofHours(72);

	static final Duration GDPR_WARNING_BEFORE = Duration.ofHours(24);

	static final int MANY_PEOPLE = 1000;

	private DeadlineRules() {
	}

	/** The deadlines of an assessment, in the order they are numbered and run. */
	public static List<Scheduled> schedule(ReportingAssessment assessment) {
		List<Scheduled> deadlines = new ArrayList<>();
		Instant aware = assessment.awareAt();
		List<String> appi = appiGrounds(assessment);
		if (!appi.isEmpty()) {
			String grounds = String.join(", ", appi);
			deadlines.add(new Scheduled(DeadlineKind.PPC_PRELIMINARY,
					"個人情報保護法第26条第1項、施行規則第7条（" + grounds + "）・第8条第1項 / APPI Art. 26(1), Enforcement Rules Art. 7 ("
							+ grounds + "), Art. 8(1)",
					aware.plus(PRELIMINARY_WARNING), aware.plus(PRELIMINARY_DUE)));
			Duration finalDue = assessment.unauthorizedAccess() ? FINAL_DUE_IMPROPER_PURPOSE : FINAL_DUE;
			deadlines.add(new Scheduled(DeadlineKind.PPC_FINAL,
					"施行規則第8条第2項（" + finalDue.toDays() + "日） / Enforcement Rules Art. 8(2) (" + finalDue.toDays()
							+ " days)",
					aware.plus(finalDue).minus(FINAL_WARNING_BEFORE), aware.plus(finalDue)));
		}
		if (assessment.personalDataLeak() && assessment.euDataSubjects()) {
			deadlines.add(new Scheduled(DeadlineKind.GDPR, "GDPR第33条第1項（72時間） / GDPR Art. 33(1) (72 hours)",
					aware.plus(GDPR_DUE).minus(GDPR_WARNING_BEFORE), aware.plus(GDPR_DUE)));
		}
		return deadlines;
	}

	/** The items of Enforcement Rules Art. 7 that apply; none means no report to the PPC is required. */
	static List<String> appiGrounds(ReportingAssessment assessment) {
		List<String> grounds = new ArrayList<>();
		if (!assessment.personalDataLeak()) {
			return grounds;
		}
		if (assessment.dataCategories().contains(DataCategory.SPECIAL_CARE)) {
			grounds.add("i");
		}
		if (assessment.dataCategories().contains(DataCategory.SENSITIVE_PERSONAL)
				|| assessment.incidentTypes().contains(IncidentType.CARD_DATA_LEAK)) {
			grounds.add("ii");
		}
		if (assessment.unauthorizedAccess()) {
			grounds.add("iii");
		}
		if (assessment.affectedPeople() != null && assessment.affectedPeople() > MANY_PEOPLE) {
			grounds.add("iv");
		}
		return grounds;
	}

	/** A deadline to open: its kind, legal basis, when to warn and when it runs out. */
	public record Scheduled(DeadlineKind kind, String legalBasis, Instant warningAt, Instant dueAt) {
	}

}
