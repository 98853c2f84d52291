package org.hikeshi.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.slf4j.Slf4jLogger;
import com.openhtmltopdf.util.XRLog;
import org.hikeshi.system.TemplateContexts;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link ReportDocument} to PDF: the Thymeleaf template {@code reports/report.html} (labels from
 * {@code reports/messages_*.properties} in the report's language) laid out as A4 by openhtmltopdf, with
 * {@link ReportFont} embedded. The template engine is this class's own, apart from the one Spring Boot configures
 * for the web and mail. openhtmltopdf logs through SLF4J (loggers {@code com.openhtmltopdf.*}), not to the console
 * with a handler of its own.
 */
@Component
class PdfRenderer {

	static final String TEMPLATE = "report";

	private final SpringTemplateEngine templates;

	private final ReportFont font;

	PdfRenderer(ReportFont font) {
		this.font = font;
		XRLog.setLoggerImpl(new Slf4jLogger());
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PdfRenderer.class.getClassLoader());
		resolver.setPrefix("reports/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("reports/messages");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateResolver(resolver);
		this.templates.setTemplateEngineMessageSource(messages);
	}

	/** The template filled in: well-formed XHTML, as openhtmltopdf reads it. */
	String html(ReportDocument document) {
		return this.templates.process(TEMPLATE, TemplateContexts.of(document.language().locale(),
				Map.of("doc", document, "fontFamily", ReportFont.FAMILY)));
	}

	byte[] render(ReportDocument document) {
		String html = html(document);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
		try {
			new PdfRendererBuilder().useFastMode()
				.withProducer("Hikeshi")
				.useFont(() -> new ByteArrayInputStream(this.font.bytes()), ReportFont.FAMILY, 400, FontStyle.NORMAL,
						true)
				.withHtmlContent(html, null)
				.toStream(pdf)
				.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot render the " + document.title() + " of " + document.reference(),
					ex);
		}
		return pdf.toByteArray();
	}

}
