package org.hikeshi.security;

/**
 * One reason a deployment is refused: the resource (file name), the id of the element it is about (the nearest
 * element with an id; {@code null} when the resource as a whole is at fault) and what is wrong.
 */
public record DeploymentProblem(String resource, String elementId, String message) {

	@Override
	public String toString() {
		return this.resource + ((this.elementId != null) ? " [" + this.elementId + "]" : "") + ": " + this.message;
	}

}
