package org.hikeshi.security;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

/**
 * ISO-8601 literals of timer definitions: a date ({@code 2026-11-22T10:00:00Z}), a duration ({@code PT24H}) or a
 * repeating interval ({@code R3/PT10M}, {@code R/2026-11-22T10:00:00Z/P1D}, {@code R2/PT1H/2026-12-01T00:00:00Z}).
 */
final class TimerLiterals {

	private static final Pattern CYCLE = Pattern.compile("R\\d*/(.+)");

	private TimerLiterals() {
	}

	static boolean isDate(String text) {
		try {
			DateTimeFormatter.ISO_DATE_TIME.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			try {
				DateTimeFormatter.ISO_DATE.parse(text);
				return true;
			}
			catch (DateTimeParseException notADate) {
				return false;
			}
		}
	}

	static boolean isDuration(String text) {
		try {
			return text.startsWith("P") && datatypes().newDuration(text).getSign() > 0;
		}
		catch (IllegalArgumentException | UnsupportedOperationException ex) {
			return false;
		}
	}

	/** {@code R[n]/duration}, {@code R[n]/start/duration} or {@code R[n]/duration/end}. */
	static boolean isCycle(String text) {
		Matcher cycle = CYCLE.matcher(text);
		if (!cycle.matches()) {
			return false;
		}
		String[] parts = cycle.group(1).split("/", -1);
		return switch (parts.length) {
			case 1 -> isDuration(parts[0]);
			case 2 -> (isDate(parts[0]) && isDuration(parts[1])) || (isDuration(parts[0]) && isDate(parts[1]));
			default -> false;
		};
	}

	/** A factory per call: {@link DatatypeFactory} is not documented as thread-safe, and deployments are rare. */
	private static DatatypeFactory datatypes() {
		try {
			return DatatypeFactory.newInstance();
		}
		catch (DatatypeConfigurationException ex) {
			throw new IllegalStateException("No XML datatype factory to read ISO-8601 durations", ex);
		}
	}

}
