package org.hikeshi.incident;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The client's language for mail and reports: Japanese first, English on request. */
public enum Language {

	JA("ja", Locale.JAPANESE), EN("en", Locale.ENGLISH);

	private final String code;

	private final Locale locale;

	Language(String code, Locale locale) {
		this.code = code;
		this.locale = locale;
	}

	@JsonValue
	public String code() {
		return this.code;
	}

	public Locale locale() {
		return this.locale;
	}

	@JsonCreator
	public static Language fromCode(String code) {
		return Arrays.stream(values())
			.filter(l -> l.code.equalsIgnoreCase(code == null ? "" : code.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown language '" + code + "': use ja or en"));
	}

}
