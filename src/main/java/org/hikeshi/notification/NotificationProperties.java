package org.hikeshi.notification;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sender and the provider's signature and contact under every mail, where the status page is published, how
 * the outbox delivers, and how long status links live.
 *
 * @param from sender of all mail
 * @param signature the provider's name and contact, under every mail
 * @param publicBaseUrl the address clients reach this application at; status links start with it
 * @param outbox how queued mail is delivered
 * @param statusPage how long status links work
 */
@ConfigurationProperties("hikeshi.notification")
@Validated
public record NotificationProperties(@NotBlank String from, @NotBlank String signature,
		@DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl, @DefaultValue @Valid Outbox outbox,
		@DefaultValue @Valid StatusPage statusPage) {

	/** The base URL without a trailing slash. */
	String baseUrl() {
		return this.publicBaseUrl.endsWith("/") ? this.publicBaseUrl.substring(0, this.publicBaseUrl.length() - 1)
				: this.publicBaseUrl;
	}

	/**
	 * @param schedulerEnabled whether this node polls the outbox ({@code false} in tests, which call
	 * {@link OutboxSender#deliverDue()} themselves)
	 * @param pollInterval the longest pause between two polls; mail queued on this node is sent at once after its
	 * transaction commits, the poll picks up retries and mail queued on other nodes
	 * @param maxAttempts attempts before a mail is {@code FAILED}
	 * @param initialBackoff wait after the first failed attempt; doubled after each further one
	 * @param maxBackoff the longest wait between two attempts
	 * @param claimTimeout how long a node owns a mail it is sending; after that another node may take it over
	 * @param batchSize mails looked at per poll
	 * @param mailsPerConnection mails sent over one SMTP connection; with the SMTP timeouts this bounds how long the
	 * last of them waits after its claim, which must stay well inside {@code claimTimeout}
	 */
	public record Outbox(@DefaultValue("true") boolean schedulerEnabled,
			@DefaultValue("10s") @NotNull Duration pollInterval, @DefaultValue("12") @Min(1) int maxAttempts,
			@DefaultValue("30s") @NotNull Duration initialBackoff, @DefaultValue("30m") @NotNull Duration maxBackoff,
			@DefaultValue("5m") @NotNull Duration claimTimeout, @DefaultValue("50") @Min(1) int batchSize,
			@DefaultValue("10") @Min(1) int mailsPerConnection) {

		/** The wait before attempt {@code failedAttempts + 1}: exponential, capped. */
		Duration backoff(int failedAttempts) {
			Duration wait = this.initialBackoff;
			for (int i = 1; i < failedAttempts && wait.compareTo(this.maxBackoff) < 0; i++) {
				wait = wait.multipliedBy(2);
			}
			return wait.compareTo(this.maxBackoff) > 0 ? this.maxBackoff : wait;
		}

	}

	/**
	 * @param expiresAfterClosure how long a status link works after the incident is closed
	 * @param maxAge the longest a status link works at all (incidents that end without closing: referred, declined)
	 */
	public record StatusPage(@DefaultValue("30d") @NotNull Duration expiresAfterClosure,
			@DefaultValue("365d") @NotNull Duration maxAge) {
	}

}
