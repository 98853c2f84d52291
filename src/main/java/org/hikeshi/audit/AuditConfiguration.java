package org.hikeshi.audit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every change through {@code /api} passes the {@link AuditInterceptor}. (Without an {@link AuditService}, as in a
 * test of a controller slice, nothing is recorded.)
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<AuditService> audit;

	AuditConfiguration(ObjectProvider<AuditService> audit) {
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		this.audit.ifAvailable(service -> registry.addInterceptor(new AuditInterceptor(service)).addPathPatterns("/api/**"));
	}

}
