package org.hikeshi.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Puts the {@link DeploymentValidator} in front of the engine's own deployers, so that every new deployment passes
 * it whichever door it comes through: the engine REST API (Camunda Modeler), the Java API, the deployment of
 * {@code processes/} at start. A deployment with problems fails as a whole with an
 * {@link UnsafeDeploymentException}, inside the deploy command, so nothing of it is stored.
 * <p>
 * Deployments already in the database, loaded again into the engine's cache, are not checked again.
 */
class SafeDeploymentPlugin extends AbstractProcessEnginePlugin implements Deployer {

	private final DeploymentValidator validator;

	SafeDeploymentPlugin(DeploymentValidator validator) {
		this.validator = validator;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> preDeployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			preDeployers.addAll(configuration.getCustomPreDeployers());
		}
		preDeployers.add(this);
		configuration.setCustomPreDeployers(preDeployers);
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		List<DeploymentProblem> problems = new ArrayList<>();
		for (ResourceEntity resource : deployment.getResources().values()) {
			problems.addAll(this.validator.validate(resource.getName(), resource.getBytes()));
		}
		if (!problems.isEmpty()) {
			throw new UnsafeDeploymentException(problems);
		}
	}

}
