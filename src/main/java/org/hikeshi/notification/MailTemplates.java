package org.hikeshi.notification;

import java.util.HashMap;
import java.util.Map;

import org.hikeshi.incident.Language;
import org.hikeshi.system.TemplateContexts;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Mail bodies from Thymeleaf templates: plain text from {@code mail/<language>/<name>.txt} (TEXT mode), HTML from
 * {@code mail/<language>/<name>.html} (HTML mode, every value escaped with {@code th:text}), and the bilingual
 * mail around them: the client's language first, the other after it, the status link and the signature.
 */
@Component
class MailTemplates {

	static final String SEPARATOR = "\n\n----------------------------------------\n\n";

	private final SpringTemplateEngine text = engine(".txt", TemplateMode.TEXT);

	private final SpringTemplateEngine html = engine(".html", TemplateMode.HTML);

	String render(String name, Language language, Map<String, Object> model) {
		return this.text.process(language.code() + "/" + name, TemplateContexts.of(language.locale(), model));
	}

	String renderHtml(String name, Language language, Map<String, Object> model) {
		return this.html.process(language.code() + "/" + name, TemplateContexts.of(language.locale(), model));
	}

	/**
	 * The whole mail: both languages, the client's first; {@code statusUrl} may be null (mail to managers).
	 */
	MailContent bilingual(String subject, String template, Language first, Map<String, Object> model,
			String statusUrl, String signature) {
		Language second = first == Language.JA ? Language.EN : Language.JA;
		String plain = render(template, first, model) + statusLine(first, statusUrl) + SEPARATOR
				+ render(template, second, model) + statusLine(second, statusUrl) + "\n--\n" + signature;
		Map<String, Object> layout = new HashMap<>();
		layout.put("subject", subject);
		layout.put("firstLanguage", first.code());
		layout.put("secondLanguage", second.code());
		layout.put("first", renderHtml(template, first, model));
		layout.put("second", renderHtml(template, second, model));
		layout.put("statusUrl", statusUrl);
		layout.put("statusLabelFirst", statusLabel(first));
		layout.put("statusLabelSecond", statusLabel(second));
		layout.put("signature", signature);
		String rich = this.html.process("layout", TemplateContexts.of(first.locale(), layout));
		return new MailContent(subject, plain, rich);
	}

	static String statusLabel(Language language) {
		return language == Language.JA
				? "ご依頼の状況の確認と報告書のダウンロードは、次のページからどうぞ（お客様専用のリンクです。転送しないでください）。"
				: "Follow your request and download its reports on this page (the link is for you only; please do not forward it).";
	}

	private static String statusLine(Language language, String statusUrl) {
		return statusUrl == null ? "" : "\n\n" + statusLabel(language) + "\n" + statusUrl + "\n";
	}

	private static SpringTemplateEngine engine(String suffix, TemplateMode mode) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/** A rendered mail: subject, plain text and HTML alternative. */
	record MailContent(String subject, String text, String html) {
	}

}
