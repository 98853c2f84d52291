package org.hikeshi.notification;

import java.net.ServerSocket;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The managers' page of the default run's mail catcher: what it lists, escaped, and for managers only. */
class MailCatcherControllerTests {

	private GreenMail catcher;

	private ServerSetup smtp;

	@BeforeEach
	void start() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.smtp = new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		}
		this.catcher = new GreenMail(this.smtp);
		this.catcher.start();
	}

	@AfterEach
	void stop() {
		this.catcher.stop();
	}

	@Test
	void shouldListCaughtMailNewestFirstForManagers() throws Exception {
		GreenMailUtil.sendTextEmail("yamada@example.co.jp", "noreply@hikeshi.example", "[IR-2026-0001] <最初>",
				"本文 <script>alert(1)</script>", this.smtp);
		MailCatcherController controller = new MailCatcherController(this.catcher);
		ExtendedModelMap model = new ExtendedModelMap();

		String view = controller.page(model, user("GROUP_managers"));

		assertThat(view).isEqualTo("mail-catcher");
		assertThat(model.get("total")).isEqualTo(1);
		@SuppressWarnings("unchecked")
		List<MailCatcherController.CaughtMail> mails = (List<MailCatcherController.CaughtMail>) model.get("mails");
		assertThat(mails).singleElement().satisfies(mail -> {
			assertThat(mail.to()).isEqualTo("yamada@example.co.jp");
			assertThat(mail.subject()).isEqualTo("[IR-2026-0001] <最初>");
			assertThat(mail.text()).contains("本文");
		});
		String html = render(view, model);
		assertThat(html).contains("[IR-2026-0001] &lt;最初&gt;", "&lt;script&gt;").doesNotContain("<script>");
	}

	@Test
	void shouldRefuseEveryoneButManagers() {
		MailCatcherController controller = new MailCatcherController(this.catcher);
		assertThatThrownBy(() -> controller.page(new ExtendedModelMap(), user("GROUP_coordinators")))
			.isInstanceOfSatisfying(ResponseStatusException.class,
					ex -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThatThrownBy(() -> controller.page(new ExtendedModelMap(), null))
			.isInstanceOf(ResponseStatusException.class);
	}

	private static Authentication user(String authority) {
		return UsernamePasswordAuthenticationToken.authenticated("someone", null,
				List.of(new SimpleGrantedAuthority(authority)));
	}

	private static String render(String view, ExtendedModelMap model) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine.process(view, new Context(null, model));
	}

}
