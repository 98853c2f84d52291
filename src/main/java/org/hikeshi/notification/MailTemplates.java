package org.hikeshi.notification;

import java.util.Map;

import org.hikeshi.incident.Language;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/** Plain-text mail bodies from Thymeleaf templates under {@code mail/<language>/<name>.txt}. */
@Component
class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MailTemplates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		this.engine.setTemplateResolver(resolver);
	}

	String render(String name, Language language, Map<String, Object> model) {
		Context context = new Context(language.locale(), model);
		return this.engine.process(language.code() + "/" + name, context);
	}

}
