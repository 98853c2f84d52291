package org.hikeshi.security;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.hikeshi.incident.IncidentProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The roles as Camunda authorizations, granted to the groups at every start (in every setup, production included;
 * a grant that is already there is left alone). Camunda authorization is on ({@code camunda.bpm.authorization.enabled}),
 * so a user sees and does in the engine, its REST API and the webapps only what these grants allow:
 * <ul>
 * <li><b>coordinators</b>: Tasklist; start incidents; see and work the tasks they are a candidate for. The engine
 * itself grants a task's candidate groups and users read and {@code TASK_WORK} on that task when it creates it, and
 * {@link ConfidentialTasks} makes managers and the assigned responder, not coordinators, the candidates of a
 * confidential incident's tasks. Coordinators have no grant on process instances or history as such.</li>
 * <li><b>managers</b>: Tasklist and Cockpit; everything on definitions, instances, tasks, deployments, decisions,
 * batches (migrations), history and the user operation log.</li>
 * <li><b>camunda-admin</b>: Admin, and everything on users, groups, memberships, tenants and authorizations; nothing on
 * incidents, tasks or history (Camunda 7.24 treats this group as administrators only for a few system operations,
 * such as the history cleanup; everything else is what is granted here).</li>
 * </ul>
 */
@Component
class RoleAuthorizations {

	private static final Logger log = LoggerFactory.getLogger(RoleAuthorizations.class);

	static final String TASKLIST = "tasklist";

	static final String COCKPIT = "cockpit";

	static final String ADMIN = "admin";

	/** Every grant of every role; a row is one authorization. */
	static final List<Grant> GRANTS = List.of(
			// coordinators
			new Grant(IncidentProcess.Groups.COORDINATORS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS),
			new Grant(IncidentProcess.Groups.COORDINATORS, Resources.FILTER, Authorization.ANY, Permissions.READ),
			new Grant(IncidentProcess.Groups.COORDINATORS, Resources.PROCESS_DEFINITION, IncidentProcess.PROCESS_KEY,
					ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
			new Grant(IncidentProcess.Groups.COORDINATORS, Resources.PROCESS_INSTANCE, Authorization.ANY,
					Permissions.CREATE),
			new Grant(IncidentProcess.Groups.COORDINATORS, Resources.USER, Authorization.ANY, Permissions.READ),
			new Grant(IncidentProcess.Groups.COORDINATORS, Resources.GROUP, Authorization.ANY, Permissions.READ),
			// managers
			new Grant(IncidentProcess.Groups.MANAGERS, Resources.APPLICATION, TASKLIST, Permissions.ACCESS),
			new Grant(IncidentProcess.Groups.MANAGERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS),
			new Grant(IncidentProcess.Groups.MANAGERS, Resources.FILTER, Authorization.ANY, Permissions.READ),
			new Grant(IncidentProcess.Groups.MANAGERS, Resources.USER, Authorization.ANY, Permissions.READ),
			new Grant(IncidentProcess.Groups.MANAGERS, Resources.GROUP, Authorization.ANY, Permissions.READ),
			all(Resources.PROCESS_DEFINITION), all(Resources.PROCESS_INSTANCE), all(Resources.TASK),
			all(Resources.DEPLOYMENT), all(Resources.DECISION_DEFINITION),
			all(Resources.DECISION_REQUIREMENTS_DEFINITION), all(Resources.BATCH), all(Resources.HISTORIC_TASK),
			all(Resources.HISTORIC_PROCESS_INSTANCE), all(Resources.OPERATION_LOG_CATEGORY), all(Resources.REPORT),
			all(Resources.DASHBOARD),
			// admins: users, groups, memberships and authorizations in Admin; no incident, task or history
			new Grant(IncidentProcess.Groups.ADMINS, Resources.APPLICATION, ADMIN, Permissions.ACCESS),
			admin(Resources.USER), admin(Resources.GROUP), admin(Resources.GROUP_MEMBERSHIP),
			admin(Resources.AUTHORIZATION), admin(Resources.TENANT), admin(Resources.TENANT_MEMBERSHIP));

	private final AuthorizationService authorizations;

	RoleAuthorizations(AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	/** Before anything else that uses the engine at start (the demo setup, the production check). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void grant() {
		int created = 0;
		for (Grant grant : GRANTS) {
			if (this.authorizations.createAuthorizationQuery()
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.groupIdIn(grant.groupId())
				.resourceType(grant.resource())
				.resourceId(grant.resourceId())
				.count() == 0) {
				Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				authorization.setGroupId(grant.groupId());
				authorization.setResource(grant.resource());
				authorization.setResourceId(grant.resourceId());
				for (Permission permission : grant.permissions()) {
					authorization.addPermission(permission);
				}
				this.authorizations.saveAuthorization(authorization);
				created++;
			}
		}
		if (created > 0) {
			log.info("Granted {} role authorization(s) to the groups {}, {} and {}", created,
					IncidentProcess.Groups.COORDINATORS, IncidentProcess.Groups.MANAGERS, IncidentProcess.Groups.ADMINS);
		}
	}

	private static Grant all(Resource resource) {
		return new Grant(IncidentProcess.Groups.MANAGERS, resource, Authorization.ANY, Permissions.ALL);
	}

	private static Grant admin(Resource resource) {
		return new Grant(IncidentProcess.Groups.ADMINS, resource, Authorization.ANY, Permissions.ALL);
	}

	record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
	}

}
