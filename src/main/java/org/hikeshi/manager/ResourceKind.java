package org.hikeshi.manager;

import java.util.Locale;
import java.util.Optional;

/** What the browser modeler edits, by the file name's ending: diagrams in bpmn-js, decisions in dmn-js, forms in form-js. */
enum ResourceKind {

	BPMN(".bpmn"), DMN(".dmn"), FORM(".form");

	private final String suffix;

	ResourceKind(String suffix) {
		this.suffix = suffix;
	}

	static Optional<ResourceKind> of(String resourceName) {
		String name = resourceName.toLowerCase(Locale.ROOT);
		for (ResourceKind kind : values()) {
			if (name.endsWith(kind.suffix)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
