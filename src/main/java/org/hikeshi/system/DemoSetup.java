package org.hikeshi.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.hikeshi.incident.IncidentProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo setup of the default run: users {@code coordinator}, {@code manager} and {@code admin} (password =
 * user name) in their groups. Only when {@code hikeshi.demo.enabled=true}; production profiles turn it off.
 */
@Component
@ConditionalOnProperty(name = "hikeshi.demo.enabled", havingValue = "true")
class DemoSetup {

	private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

	private final IdentityService identityService;

	DemoSetup(IdentityService identityService) {
		this.identityService = identityService;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE) // before anything that checks the users, such as the production check
	void createDemoUsers() {
		group(IncidentProcess.Groups.COORDINATORS, "コーディネーター / Coordinators");
		group(IncidentProcess.Groups.MANAGERS, "管理者 / Managers");
		group(IncidentProcess.Groups.ADMINS, "システム管理者 / Administrators");
		group(IncidentProcess.Groups.SENSORS, "センサー / Sensors");
		user("coordinator", "Kenji", "Sato", IncidentProcess.Groups.COORDINATORS);
		user("manager", "Yuko", "Tanaka", IncidentProcess.Groups.MANAGERS);
		user("admin", "Admin", "Hikeshi", IncidentProcess.Groups.ADMINS);
		user("sensor", "IDS", "Sensor", IncidentProcess.Groups.SENSORS);
		log.warn("Demo users are active (coordinator, manager, admin; password = user name). "
				+ "Set hikeshi.demo.enabled=false outside a demo.");
	}

	private void group(String id, String name) {
		if (this.identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identityService.newGroup(id);
			group.setName(name);
			group.setType(IncidentProcess.Groups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
			this.identityService.saveGroup(group);
		}
	}

	private void user(String id, String firstName, String lastName, String groupId) {
		if (this.identityService.createUserQuery().userId(id).count() == 0) {
			User user = this.identityService.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(id + "@hikeshi.example");
			user.setPassword(id);
			this.identityService.saveUser(user);
			this.identityService.createMembership(id, groupId);
		}
	}

}
