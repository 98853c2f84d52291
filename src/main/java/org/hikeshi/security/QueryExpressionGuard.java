package org.hikeshi.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.util.ReflectionUtils;

/**
 * Closes the gap that {@code enable-expressions-in-adhoc-queries: false} and
 * {@code enable-expressions-in-stored-queries: false} leave: Camunda checks the expressions of a task query, but not
 * those of its nested {@code or()} queries ({@code orQueries} in the REST API), so
 * {@code {"orQueries": [{"assigneeExpression": "${...}"}]}} would still be evaluated on the server. This command
 * interceptor refuses such a task query before it runs, and such a filter before it is saved, with a
 * {@link BadUserRequestException} (400 through the REST API). It acts while both settings are off.
 */
class QueryExpressionGuard extends CommandInterceptor {

	private static final Field SAVED_FILTER = field();

	private final ProcessEngineConfigurationImpl configuration;

	QueryExpressionGuard(ProcessEngineConfigurationImpl configuration) {
		this.configuration = configuration;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (this.configuration.isEnableExpressionsInAdhocQueries()
				|| this.configuration.isEnableExpressionsInStoredQueries()) {
			return this.next.execute(command);
		}
		if (command instanceof TaskQueryImpl query) {
			refuseNestedExpressions(query);
		}
		else if (command instanceof SaveFilterCmd save
				&& ReflectionUtils.getField(SAVED_FILTER, save) instanceof Filter filter
				&& filter.getQuery() instanceof TaskQueryImpl query) {
			refuseNestedExpressions(query);
		}
		return this.next.execute(command);
	}

	static void refuseNestedExpressions(TaskQueryImpl query) {
		for (TaskQueryImpl or : query.getQueries()) {
			if (or != query && or.getExpressions() != null && !or.getExpressions().isEmpty()) {
				throw new BadUserRequestException("Expressions are forbidden in queries, in nested or-queries too: "
						+ or.getExpressions().keySet() + " (see docs/security.md)");
			}
		}
	}

	private static Field field() {
		Field field = ReflectionUtils.findField(SaveFilterCmd.class, "filter");
		if (field == null) {
			throw new IllegalStateException("SaveFilterCmd has no field 'filter' in this Camunda version");
		}
		ReflectionUtils.makeAccessible(field);
		return field;
	}

	/**
	 * Puts the guard in front of every command of the engine. It reads the two settings when a command runs, so the
	 * order in which plugins apply {@code application.yml} does not matter.
	 */
	static class Plugin extends AbstractProcessEnginePlugin {

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			configuration.setCustomPreCommandInterceptorsTxRequired(
					with(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
			configuration.setCustomPreCommandInterceptorsTxRequiresNew(
					with(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
		}

		private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors,
				ProcessEngineConfigurationImpl configuration) {
			List<CommandInterceptor> all = new ArrayList<>();
			if (interceptors != null) {
				all.addAll(interceptors);
			}
			all.add(new QueryExpressionGuard(configuration));
			return all;
		}

	}

}
