package org.hikeshi.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

import static org.hikeshi.incident.IncidentProcess.Variables.CLIENT_TYPE;
import static org.hikeshi.incident.IncidentProcess.Variables.CONTACTED_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.CONTACT_NAME;
import static org.hikeshi.incident.IncidentProcess.Variables.DATA_CATEGORIES;
import static org.hikeshi.incident.IncidentProcess.Variables.DISCOVERED_AT;
import static org.hikeshi.incident.IncidentProcess.Variables.DISCOVERY_NARRATIVE;
import static org.hikeshi.incident.IncidentProcess.Variables.EMAIL;
import static org.hikeshi.incident.IncidentProcess.Variables.INCIDENT_TYPES;
import static org.hikeshi.incident.IncidentProcess.Variables.INSIDER_SUSPECTED;
import static org.hikeshi.incident.IncidentProcess.Variables.LANGUAGE;
import static org.hikeshi.incident.IncidentProcess.Variables.ORGANIZATION;
import static org.hikeshi.incident.IncidentProcess.Variables.PHONE;
import static org.hikeshi.incident.IncidentProcess.Variables.PREFECTURE;

/**
 * The intake as process variables: the fields of the {@code intake} start form, which {@code POST /api/incidents}
 * writes the same way.
 */
final class IntakeVariables {

	/**
	 * Intake values that live in the incident table once it is registered; the process keeps only the incident id,
	 * the organisation (shown on task forms) and the values its gateways read.
	 */
	static final List<String> MOVED_TO_TABLE = List.of(CONTACT_NAME, EMAIL, PHONE, PREFECTURE, DISCOVERED_AT,
			CONTACTED_AT, INCIDENT_TYPES, DATA_CATEGORIES, DISCOVERY_NARRATIVE);

	private IntakeVariables() {
	}

	static VariableMap of(IntakeRequest intake) {
		return Variables.createVariables()
			.putValue(ORGANIZATION, intake.organization())
			.putValue(CLIENT_TYPE, intake.clientType().name())
			.putValue(CONTACT_NAME, intake.contactName())
			.putValue(EMAIL, intake.email())
			.putValue(PHONE, intake.phone())
			.putValue(PREFECTURE, intake.prefecture().englishName())
			.putValue(DISCOVERED_AT, intake.discoveredAt().toString())
			.putValue(CONTACTED_AT, intake.contactedAt() == null ? null : intake.contactedAt().toString())
			.putValue(INCIDENT_TYPES, jsonArray(intake.incidentTypes()))
			.putValue(DATA_CATEGORIES, jsonArray(intake.dataCategories()))
			.putValue(DISCOVERY_NARRATIVE, intake.discoveryNarrative())
			.putValue(INSIDER_SUSPECTED, intake.insiderSuspected())
			.putValue(LANGUAGE, intake.language().code());
	}

	/** Reads the intake; a value that cannot even be parsed is reported at once, the rest by bean validation. */
	static IntakeRequest read(VariableScope scope) {
		String prefecture = ProcessVariables.string(scope, PREFECTURE);
		String language = ProcessVariables.string(scope, LANGUAGE);
		String clientType = ProcessVariables.string(scope, CLIENT_TYPE);
		Object insider = scope.getVariable(INSIDER_SUSPECTED);
		return new IntakeRequest(ProcessVariables.string(scope, ORGANIZATION),
				clientType == null ? null : ProcessVariables.requiredEnum(scope, CLIENT_TYPE, ClientType.class),
				ProcessVariables.string(scope, CONTACT_NAME), ProcessVariables.string(scope, EMAIL),
				ProcessVariables.string(scope, PHONE),
				prefecture == null ? null
						: Prefecture.find(prefecture)
							.orElseThrow(() -> new InvalidVariableException(PREFECTURE, "is not a prefecture: " + prefecture)),
				ProcessVariables.dateTime(scope, DISCOVERED_AT), ProcessVariables.dateTime(scope, CONTACTED_AT),
				toSet(ProcessVariables.enumList(scope, INCIDENT_TYPES, IncidentType.class), IncidentType.class),
				toSet(ProcessVariables.enumList(scope, DATA_CATEGORIES, DataCategory.class), DataCategory.class),
				ProcessVariables.string(scope, DISCOVERY_NARRATIVE),
				insider == null ? null : ProcessVariables.flag(scope, INSIDER_SUSPECTED),
				language == null ? null : languageOf(language));
	}

	private static Language languageOf(String code) {
		try {
			return Language.fromCode(code);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidVariableException(LANGUAGE, ex.getMessage());
		}
	}

	private static <E extends Enum<E>> Set<E> toSet(List<E> values, Class<E> type) {
		EnumSet<E> set = EnumSet.noneOf(type);
		set.addAll(values);
		return set;
	}

	private static Object jsonArray(Set<? extends Enum<?>> values) {
		StringBuilder json = new StringBuilder("[");
		for (Enum<?> value : values) {
			json.append(json.length() > 1 ? "," : "").append('"').append(value.name()).append('"');
		}
		return SpinValues.jsonValue(json.append(']').toString()).create();
	}

}
