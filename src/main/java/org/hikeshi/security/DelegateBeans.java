package org.hikeshi.security;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Which names a {@code camunda:delegateExpression="${name}"} may call: a bean of ours of the given type
 * ({@code JavaDelegate}, {@code ExecutionListener}, ...).
 */
@FunctionalInterface
interface DelegateBeans {

	boolean provides(String beanName, Class<?> type);

	/** The beans of the running application. */
	static DelegateBeans of(ListableBeanFactory beans) {
		return (name, type) -> beans.containsBean(name) && beans.isTypeMatch(name, type);
	}

}
