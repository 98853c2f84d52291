package org.hikeshi.security;

import org.camunda.bpm.engine.IdentityService;
import org.hikeshi.HikeshiApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code prod} profile does not start with the demo setup. */
class ProductionSafetyCheckTests {

	@Test
	void shouldRefuseToStartInProductionWithDemoUsersOrTheMailCatcher() {
		SpringApplication app = new SpringApplication(HikeshiApplication.class);

		assertThatThrownBy(() -> app.run("--spring.profiles.active=prod,test",
				"--spring.datasource.url=jdbc:h2:mem:prod-check;DB_CLOSE_DELAY=-1",
				"--camunda.bpm.process-engine-name=prodCheck", "--server.port=0", "--spring.mail.port=3935", "--hikeshi.mail-catcher.imap-port=3936", "--hikeshi.demo.enabled=true",
				"--hikeshi.mail-catcher.enabled=true", "--hikeshi.notification.outbox.scheduler-enabled=false"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Refusing to run in production")
			.hasMessageContaining("hikeshi.demo.enabled=true")
			.hasMessageContaining("hikeshi.mail-catcher.enabled=true")
			.hasMessageContaining("user 'coordinator' still has its user name as password");
	}

	@Test
	void shouldStartInProductionWithoutTheDemoSetup() {
		SpringApplication app = new SpringApplication(HikeshiApplication.class);

		try (ConfigurableApplicationContext context = app.run("--spring.profiles.active=prod,test",
				"--spring.datasource.url=jdbc:h2:mem:prod-clean;DB_CLOSE_DELAY=-1",
				"--camunda.bpm.process-engine-name=prodClean", "--server.port=0",
				"--hikeshi.notification.outbox.scheduler-enabled=false")) {
			assertThat(context.getBean(ProductionSafetyCheck.class).problems()).isEmpty();
			assertThat(context.getBean(IdentityService.class).createUserQuery().count()).isZero();
		}
	}

}
