package org.hikeshi.notification;

import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Header safety: no CR, LF or other control character from any value reaches a header, and every address is a
 * single strictly parsed RFC 822 address. Intake already refuses such values; this is the second line.
 */
final class MailHeaders {

	/** C0/C1 controls, DEL, and the Unicode line and paragraph separators. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");

	private MailHeaders() {
	}

	/** The value with every control character replaced by a space, runs of spaces collapsed, trimmed. */
	static String sanitize(String value) {
		if (value == null) {
			return "";
		}
		return CONTROL.matcher(value).replaceAll(" ").replaceAll(" {2,}", " ").strip();
	}

	/**
	 * A single address, strictly validated; never a list, never a group, never anything with control characters.
	 * @throws IllegalArgumentException naming the address when it is not one
	 */
	static InternetAddress address(String value) {
		if (value == null || CONTROL.matcher(value).find()) {
			throw new IllegalArgumentException("not a mail address (control characters): " + printable(value));
		}
		try {
			InternetAddress[] parsed = InternetAddress.parse(value.strip(), true);
			if (parsed.length != 1 || parsed[0].isGroup()) {
				throw new IllegalArgumentException("not a single mail address: " + printable(value));
			}
			InternetAddress address = parsed[0];
			new InternetAddress(address.getAddress(), true).validate();
			return address;
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("not a mail address: " + printable(value) + " (" + ex.getMessage() + ")",
					ex);
		}
	}

	static boolean isAddress(String value) {
		try {
			address(value);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String printable(String value) {
		return value == null ? "null" : "'" + CONTROL.matcher(value).replaceAll("?") + "'";
	}

}
