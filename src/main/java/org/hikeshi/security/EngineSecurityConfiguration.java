package org.hikeshi.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's part of security, as process engine plugins (the Camunda starter hands every
 * {@link ProcessEnginePlugin} bean to the engine): the {@link DeploymentValidator} on every deployment, the
 * delegates a diagram may call being the beans of this application; and {@link ConfidentialTasks}, which keeps
 * the tasks of confidential incidents from coordinators; and the {@link QueryExpressionGuard} against expressions in
 * nested or-queries. Authorization itself is switched on in
 * {@code application.yml} and its grants are {@link RoleAuthorizations}.
 */
@Configuration(proxyBeanMethods = false)
class EngineSecurityConfiguration {

	@Bean
	ProcessEnginePlugin safeDeploymentPlugin(ApplicationContext context) {
		return new SafeDeploymentPlugin(new DeploymentValidator(DelegateBeans.of(context)));
	}

	@Bean
	ProcessEnginePlugin confidentialTasksPlugin() {
		return new ConfidentialTasks();
	}

	@Bean
	ProcessEnginePlugin queryExpressionGuardPlugin() {
		return new QueryExpressionGuard.Plugin();
	}

}
