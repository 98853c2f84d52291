package org.hikeshi.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Gives this node its name in the shared database: the engine's host name (job log, metrics), the job
 * executor's lock owner and, on PostgreSQL, its connections' application name. See {@link ClusterNode} and docs/operations.md.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	static final String NODE_NAME = "hikeshi.cluster.node-name";

	static final String APPLICATION_NAME_PREFIX = "hikeshi@";

	private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

	/** From the environment directly, a plain object: the job executor's post-processor below needs it early. */
	@Bean
	static ClusterNode clusterNode(Environment environment) {
		ClusterNode node = new ClusterNode(environment.getProperty(NODE_NAME));
		log.info("Cluster node {}: jobs are locked and mail is claimed as {}", node.name(), node.owner());
		return node;
	}

	/**
	 * Job locks in {@code ACT_RU_JOB.LOCK_OWNER_} name the node instead of a bare random id; on PostgreSQL, the
	 * node's connections carry its name too ({@code pg_stat_activity.application_name} = {@code hikeshi@node-a}).
	 */
	@Bean
	static BeanPostProcessor clusterNodeNames(ObjectProvider<ClusterNode> node) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof JobExecutor jobExecutor) {
					jobExecutor.setLockOwner(node.getObject().owner());
				}
				if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
						&& pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					pool.addDataSourceProperty("ApplicationName", APPLICATION_NAME_PREFIX + node.getObject().name());
				}
				return bean;
			}
		};
	}

	@Bean
	ProcessEnginePlugin clusterNodeHostname(ClusterNode node) {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setHostname(node.name());
			}
		};
	}

}
