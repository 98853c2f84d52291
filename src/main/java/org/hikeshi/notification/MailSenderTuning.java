package org.hikeshi.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Two settings of the mail sender that cost nothing and save most of the time a mail took (measured in
 * docs/performance.md).
 * <p>
 * <b>SMTP without Nagle's algorithm</b> ({@code TCP_NODELAY}). Angus Mail writes a message, flushes it, and then
 * writes the closing {@code "."} line on its own: with Nagle on, that small segment waits until the server has
 * acknowledged the message, and servers delay that acknowledgement by up to 40 ms. Measured against GreenMail
 * (docs/performance.md): 44 ms per mail of 8 KB or more on a shared connection, 2.5 ms with this.
 * <p>
 * It only fills a gap: when {@code spring.mail.properties} name a socket factory of their own
 * ({@code mail.smtp.socketFactory.class}), that one is used. STARTTLS and {@code mail.smtp.ssl.enable} still work:
 * Angus Mail layers TLS over the socket made here, with the {@code ssl.*} settings.
 * <p>
 * <b>The MIME stream provider named once.</b> Jakarta Mail looks its {@code StreamProvider} up with the
 * {@code ServiceLoader} on every encoded header and body part, scanning every jar of the class path each time: most
 * of the CPU time of the outbox thread in a JFR recording of the benchmark. The system property
 * {@code jakarta.mail.util.StreamProvider}, which Jakarta Mail reads first, is set to Angus Mail's provider (the one
 * the scan finds) unless it is set already.
 */
@Component
class MailSenderTuning implements BeanPostProcessor {

	static final String STREAM_PROVIDER = StreamProvider.class.getName();

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof JavaMailSenderImpl sender) {
			if (System.getProperty(STREAM_PROVIDER) == null) {
				System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
			}
			String prefix = "mail." + (sender.getProtocol() == null ? "smtp" : sender.getProtocol());
			Properties properties = sender.getJavaMailProperties();
			if (!properties.containsKey(prefix + ".socketFactory")
					&& !properties.containsKey(prefix + ".socketFactory.class")) {
				properties.put(prefix + ".socketFactory", new NoDelaySocketFactory());
			}
		}
		return bean;
	}

	/** Plain sockets with {@code TCP_NODELAY} on. */
	static final class NoDelaySocketFactory extends SocketFactory {

		@Override
		public Socket createSocket() throws IOException {
			return noDelay(new Socket());
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return noDelay(new Socket(host, port, localHost, localPort));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return noDelay(new Socket(address, port, localAddress, localPort));
		}

		private static Socket noDelay(Socket socket) throws IOException {
			socket.setTcpNoDelay(true);
			return socket;
		}

	}

}
