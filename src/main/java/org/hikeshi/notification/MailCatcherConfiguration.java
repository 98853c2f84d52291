package org.hikeshi.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default run's mail catcher: an in-process SMTP server (GreenMail) on {@code spring.mail.port} that keeps
 * every mail, readable over IMAP on {@code hikeshi.mail-catcher.imap-port} with the recipient's address as user
 * name and password. Off in production ({@code hikeshi.mail-catcher.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hikeshi.mail-catcher.enabled", havingValue = "true")
class MailCatcherConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail mailCatcher(MailProperties mail, @Value("${hikeshi.mail-catcher.imap-port:3143}") int imapPort) {
		int smtpPort = mail.getPort() == null ? 3025 : mail.getPort();
		return new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
	}

}
