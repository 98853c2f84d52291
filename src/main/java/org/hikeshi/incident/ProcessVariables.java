package org.hikeshi.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads typed values from process variables whichever way they were written: by a Camunda Form in Tasklist
 * (strings, booleans, Json for multi-selects), by {@code /engine-rest} or by our own Java code. A missing or
 * malformed value is an {@link InvalidVariableException} naming the variable.
 */
public final class ProcessVariables {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProcessVariables() {
	}

	public static long incidentId(VariableScope scope) {
		Object value = require(scope, IncidentProcess.Variables.INCIDENT_ID);
		if (value instanceof Number number) {
			return number.longValue();
		}
		try {
			return Long.parseLong(value.toString());
		}
		catch (NumberFormatException ex) {
			throw new InvalidVariableException(IncidentProcess.Variables.INCIDENT_ID, "is not a number: " + value);
		}
	}

	public static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	public static String requiredString(VariableScope scope, String name) {
		String value = string(scope, name);
		if (value == null || value.isBlank()) {
			throw new InvalidVariableException(name, "is required");
		}
		return value;
	}

	public static boolean flag(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = value.toString().trim();
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(text);
		}
		throw new InvalidVariableException(name, "must be true or false, not '" + value + "'");
	}

	public static Boolean requiredFlag(VariableScope scope, String name) {
		require(scope, name);
		return flag(scope, name);
	}

	/**
	 * A whole number a form or the API wrote (number, or its text), {@code defaultValue} when absent; refused
	 * outside {@code [min, max]}.
	 */
	public static int wholeNumber(VariableScope scope, String name, int min, int max, int defaultValue) {
		Object value = scope.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return defaultValue;
		}
		long number;
		if (value instanceof Number given && given.doubleValue() == Math.rint(given.doubleValue())) {
			number = given.longValue();
		}
		else {
			try {
				number = Long.parseLong(value.toString().strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidVariableException(name, "is not a whole number: " + value);
			}
		}
		if (number < min || number > max) {
			throw new InvalidVariableException(name, "must be between " + min + " and " + max + ", not " + number);
		}
		return (int) number;
	}

	public static <E extends Enum<E>> E requiredEnum(VariableScope scope, String name, Class<E> type) {
		return parseEnum(name, requiredString(scope, name), type);
	}

	/** A multi-select value: a Json array (Camunda Forms), a collection, or a comma-separated string. */
	public static <E extends Enum<E>> List<E> enumList(VariableScope scope, String name, Class<E> type) {
		Object value = scope.getVariable(name);
		List<String> names = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			collection.forEach(item -> names.add(String.valueOf(item)));
		}
		else if (value != null) {
			String text = value.toString().trim(); // a Spin Json node prints as its JSON
			if (text.startsWith("[")) {
				try {
					for (JsonNode node : JSON.readTree(text)) {
						names.add(node.asText());
					}
				}
				catch (JsonProcessingException ex) {
					throw new InvalidVariableException(name, "is not a JSON array: " + text);
				}
			}
			else if (!text.isEmpty()) {
				for (String part : text.split(",")) {
					names.add(part.trim());
				}
			}
		}
		return names.stream().map(n -> parseEnum(name, n, type)).toList();
	}

	/**
	 * A point in time: a {@link Date}, an ISO-8601 string with offset, or a local date-time or date from a form,
	 * taken as Japan time.
	 */
	public static OffsetDateTime dateTime(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(ReferenceGenerator.JAPAN).toOffsetDateTime();
		}
		String text = value.toString().trim();
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException notWithOffset) {
			try {
				return LocalDateTime.parse(text).atZone(ReferenceGenerator.JAPAN).toOffsetDateTime();
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(text).atStartOfDay(ReferenceGenerator.JAPAN).toOffsetDateTime();
				}
				catch (DateTimeParseException notADate) {
					throw new InvalidVariableException(name, "is not an ISO-8601 date-time: " + text);
				}
			}
		}
	}

	/** Who completed the task that led to this step (the engine's authentication), or "engine" in a job. */
	public static String currentUser(DelegateExecution execution) {
		Authentication authentication = execution.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		return authentication == null ? "engine" : authentication.getUserId();
	}

	public static Date date(Instant instant) {
		return Date.from(instant);
	}

	private static Object require(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value == null) {
			throw new InvalidVariableException(name, "is required");
		}
		return value;
	}

	private static <E extends Enum<E>> E parseEnum(String variable, String value, Class<E> type) {
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidVariableException(variable,
					"must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
		}
	}

}
