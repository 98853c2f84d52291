package org.hikeshi.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the outbox every {@code hikeshi.notification.outbox.poll-interval} (after the previous poll finished).
 * Off with {@code hikeshi.notification.outbox.scheduler-enabled=false}: tests call
 * {@link OutboxSender#deliverDue()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "hikeshi.notification.outbox.scheduler-enabled", havingValue = "true",
		matchIfMissing = true)
class OutboxSchedulingConfiguration implements SchedulingConfigurer {

	private final OutboxSender sender;

	private final NotificationProperties properties;

	OutboxSchedulingConfiguration(OutboxSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.sender::deliverDue, this.properties.outbox().pollInterval());
	}

}
