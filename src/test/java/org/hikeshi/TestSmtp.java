package org.hikeshi;

/**
 * The SMTP port of the test profile ({@code spring.mail.port} in {@code application-test.yml}): 3925, or the system
 * property {@code hikeshi.test.smtp-port}, so that two builds on one machine (two work trees) do not compete for it:
 * {@code mvn verify -Dhikeshi.test.smtp-port=3926}.
 */
public final class TestSmtp {

	public static final int PORT = Integer.getInteger("hikeshi.test.smtp-port", 3925);

	private TestSmtp() {
	}

}
