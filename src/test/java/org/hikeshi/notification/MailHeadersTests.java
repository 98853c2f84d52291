package org.hikeshi.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailHeadersTests {

	@Test
	void shouldStripEveryControlCharacterFromAHeaderValue() {
		assertThat(MailHeaders.sanitize("[IR-2026-0001]\r\nBcc: x@evil.test")).isEqualTo("[IR-2026-0001] Bcc: x@evil.test");
		assertThat(MailHeaders.sanitize("a\tb\u0000c\u007fd\u0085e\u2028f\u2029g")).isEqualTo("a b c d e f g");
		assertThat(MailHeaders.sanitize("ご依頼を受け付けました")).isEqualTo("ご依頼を受け付けました");
		assertThat(MailHeaders.sanitize(null)).isEmpty();
	}

	@Test
	void shouldAcceptOnlyOneStrictlyValidAddress() {
		assertThat(MailHeaders.address("yamada@example.co.jp").getAddress()).isEqualTo("yamada@example.co.jp");
		assertThat(MailHeaders.address("Hikeshi 情報セキュリティ110番 <noreply@hikeshi.example>").getAddress())
			.isEqualTo("noreply@hikeshi.example");
		assertThatThrownBy(() -> MailHeaders.address("yamada@example.co.jp\r\nBcc: x@evil.test"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("control characters")
			.hasMessageNotContaining("\r");
		assertThatThrownBy(() -> MailHeaders.address("a@example.co.jp, b@example.co.jp"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> MailHeaders.address("not-an-address")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> MailHeaders.address("friends: a@example.co.jp;"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(MailHeaders.isAddress(null)).isFalse();
	}

	@Test
	void shouldBackOffExponentiallyUpToTheLimit() {
		NotificationProperties.Outbox outbox = new NotificationProperties.Outbox(true, Duration.ofSeconds(10), 12,
				Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(5), 50, 10);
		assertThat(outbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(outbox.backoff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(outbox.backoff(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(outbox.backoff(6)).isEqualTo(Duration.ofMinutes(16));
		assertThat(outbox.backoff(7)).isEqualTo(Duration.ofMinutes(30));
		assertThat(outbox.backoff(40)).isEqualTo(Duration.ofMinutes(30));
		// twelve attempts span well over the hour an SMTP server may be down
		Duration total = Duration.ZERO;
		for (int attempt = 1; attempt < 12; attempt++) {
			total = total.plus(outbox.backoff(attempt));
		}
		assertThat(total).isGreaterThan(Duration.ofHours(2));
	}

}
