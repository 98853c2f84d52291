package org.hikeshi;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.hikeshi.incident.IncidentProcess;

import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The users of the security tests, besides the demo users {@code coordinator}, {@code manager} and {@code admin}:
 * a second coordinator and a user in no group at all.
 */
public final class TestUsers {

	public static final String OTHER_COORDINATOR = "coordinator2";

	public static final String OUTSIDER = "outsider";

	public static final String PASSWORD = "Test-password-1";

	private TestUsers() {
	}

	public static void create(IdentityService identityService) {
		user(identityService, OTHER_COORDINATOR, IncidentProcess.Groups.COORDINATORS);
		user(identityService, OUTSIDER, null);
	}

	private static void user(IdentityService identityService, String id, String group) {
		if (identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identityService.newUser(id);
		user.setFirstName(id);
		user.setLastName("Test");
		user.setEmail(id + "@hikeshi.example");
		user.setPassword(PASSWORD);
		identityService.saveUser(user);
		if (group != null) {
			identityService.createMembership(id, group);
		}
	}

	/** A template signed in as this user: the demo users' password is their name, the test users' is {@link #PASSWORD}. */
	public static TestRestTemplate as(TestRestTemplate anonymous, String user) {
		return anonymous.withBasicAuth(user, List.of(OTHER_COORDINATOR, OUTSIDER).contains(user) ? PASSWORD : user);
	}

}
