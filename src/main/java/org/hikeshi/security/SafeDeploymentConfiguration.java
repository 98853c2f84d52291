package org.hikeshi.security;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Safe deployment: the engine checks every deployment with the {@link DeploymentValidator}, the delegates a
 * diagram may call being the beans of this application. The Camunda starter hands every
 * {@link ProcessEnginePlugin} bean to the engine.
 */
@Configuration(proxyBeanMethods = false)
class SafeDeploymentConfiguration {

	@Bean
	ProcessEnginePlugin safeDeploymentPlugin(ApplicationContext context) {
		return new SafeDeploymentPlugin(new DeploymentValidator(DelegateBeans.of(context)));
	}

}
