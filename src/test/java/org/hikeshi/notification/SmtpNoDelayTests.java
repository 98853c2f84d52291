package org.hikeshi.notification;

import java.net.Socket;

import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpNoDelayTests {

	private final SmtpNoDelay postProcessor = new SmtpNoDelay();

	@Test
	void shouldGiveTheMailSenderSocketsWithoutNagle() throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		this.postProcessor.postProcessBeforeInitialization(sender, "mailSender");

		Object factory = sender.getJavaMailProperties().get("mail.smtp.socketFactory");
		assertThat(factory).isInstanceOf(SmtpNoDelay.NoDelaySocketFactory.class);
		try (Socket socket = ((SmtpNoDelay.NoDelaySocketFactory) factory).createSocket()) {
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
	void shouldLeaveOtherBeansAlone() {
		Object other = new Object();
		assertThat(this.postProcessor.postProcessBeforeInitialization(other, "other")).isSameAs(other);
	}

}
