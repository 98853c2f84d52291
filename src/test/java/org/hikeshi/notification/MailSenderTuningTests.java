package org.hikeshi.notification;

import java.net.Socket;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class MailSenderTuningTests {

	private final MailSenderTuning postProcessor = new MailSenderTuning();

	@Test
	void shouldGiveTheMailSenderSocketsWithoutNagle() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		this.postProcessor.postProcessBeforeInitialization(sender, "mailSender");

		Object factory = sender.getJavaMailProperties().get("mail.smtp.socketFactory");
		assertThat(factory).isInstanceOf(MailSenderTuning.NoDelaySocketFactory.class);
		try (Socket socket = ((MailSenderTuning.NoDelaySocketFactory) factory).createSocket()) {
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
	}

	@Test
	void shouldUseTheProtocolOfTheSenderAndLeaveAConfiguredFactoryAlone() {
		JavaMailSenderImpl smtps = new JavaMailSenderImpl();
		smtps.setProtocol("smtps");
		this.postProcessor.postProcessBeforeInitialization(smtps, "mailSender");
		assertThat(smtps.getJavaMailProperties()).containsKey("mail.smtps.socketFactory")
			.doesNotContainKey("mail.smtp.socketFactory");

		JavaMailSenderImpl configured = new JavaMailSenderImpl();
		configured.getJavaMailProperties().setProperty("mail.smtp.socketFactory.class", "com.example.OurFactory");
		this.postProcessor.postProcessBeforeInitialization(configured, "mailSender");
		assertThat(configured.getJavaMailProperties()).doesNotContainKey("mail.smtp.socketFactory");
	}

	@Test
	void shouldNameTheStreamProviderSoThatJakartaMailDoesNotScanTheClassPathForIt() {
		this.postProcessor.postProcessBeforeInitialization(new JavaMailSenderImpl(), "mailSender");

		assertThat(System.getProperty(MailSenderTuning.STREAM_PROVIDER)).isEqualTo(MailStreamProvider.class.getName());
		assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
	}

	@Test
	void shouldLeaveOtherBeansAlone() {
		Object other = new Object();
		assertThat(this.postProcessor.postProcessBeforeInitialization(other, "other")).isSameAs(other);
	}

}
