package org.hikeshi.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In production ({@code prod} profile) Hikeshi refuses to start with anything of the demo setup left: demo users
 * switched on, the mail catcher, or any user whose password is still its user name (the demo users' password).
 */
@Component
@Profile("prod")
class ProductionSafetyCheck {

	private final IdentityService identityService;

	private final boolean demoEnabled;

	private final boolean mailCatcherEnabled;

	ProductionSafetyCheck(IdentityService identityService, @Value("${hikeshi.demo.enabled:false}") boolean demoEnabled,
			@Value("${hikeshi.mail-catcher.enabled:false}") boolean mailCatcherEnabled) {
		this.identityService = identityService;
		this.demoEnabled = demoEnabled;
		this.mailCatcherEnabled = mailCatcherEnabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void refuseDemoSetup() {
		List<String> problems = problems();
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to run in production (profile 'prod'): " + String.join("; ", problems));
		}
	}

	List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.demoEnabled) {
			problems.add("hikeshi.demo.enabled=true creates demo users with known passwords");
		}
		if (this.mailCatcherEnabled) {
			problems.add("hikeshi.mail-catcher.enabled=true keeps client mail in the server instead of sending it");
		}
		for (User user : this.identityService.createUserQuery().list()) {
			if (this.identityService.checkPassword(user.getId(), user.getId())) {
				problems.add("user '" + user.getId() + "' still has its user name as password");
			}
		}
		return problems;
	}

}
