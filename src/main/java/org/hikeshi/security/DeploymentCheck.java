package org.hikeshi.security;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The {@link DeploymentValidator} for other features: the same check the engine runs on every deployment, asked
 * before deploying (the browser modeler shows each problem on its element while the manager edits).
 */
@Component
public class DeploymentCheck {

	private final DeploymentValidator validator;

	DeploymentCheck(ApplicationContext context) {
		this.validator = new DeploymentValidator(DelegateBeans.of(context));
	}

	/** The problems of one resource (BPMN, DMN; other files have none), in document order. */
	public List<DeploymentProblem> problems(String resourceName, byte[] content) {
		return this.validator.validate(resourceName, content);
	}

}
