package org.hikeshi.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.IContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContextWrapper;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Templates rendered with {@link TemplateContexts} read their model as with Thymeleaf's own contexts, share SpEL's
 * property accessors (what makes them faster), and share nothing a template sets: each gets its own locale,
 * expression objects and local variables, also when rendered on several threads at once.
 */
class TemplateContextsTests {

	private final SpringTemplateEngine engine = engine();

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void shouldRenderTheModelWithTheLocaleOfEachContext() {
		String template = "[(${item.name})] [(${#numbers.formatDecimal(item.price, 1, 'DEFAULT', 2, 'DEFAULT')})]"
				+ "[# th:with=\"twice=${item.price * 2}\"] [(${twice})][/]";
		Item item = new Item("調査", 1234.5);

		assertThat(this.engine.process(template, TemplateContexts.of(Locale.JAPAN, Map.of("item", item))))
			.isEqualTo("調査 1,234.50 2469.0");
		assertThat(this.engine.process(template, TemplateContexts.of(Locale.GERMANY, Map.of("item", item))))
			.isEqualTo("調査 1.234,50 2469.0");
	}

	@Test
	void shouldShareThePropertyAccessorsAndNothingElse() {
		IContext first = TemplateContexts.of(Locale.JAPAN, Map.of());
		IContext second = TemplateContexts.of(Locale.JAPAN, Map.of());
		Object firstEvaluation = first
			.getVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME);
		Object secondEvaluation = second
			.getVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME);

		assertThat(firstEvaluation).isInstanceOf(ThymeleafEvaluationContextWrapper.class)
			.isNotSameAs(secondEvaluation);
		assertThat(((ThymeleafEvaluationContextWrapper) firstEvaluation).getPropertyAccessors())
			.isNotEmpty()
			.containsExactlyElementsOf(((ThymeleafEvaluationContextWrapper) secondEvaluation).getPropertyAccessors());
	}

	@Test
	void shouldKeepThymeleafsChecksOfForbiddenClassesAndBeans() {
		Map<String, Object> model = Map.of("item", new Item("調査", 1));

		// the shared context's method resolvers and property accessors are Thymeleaf's, with its checks
		assertThatThrownBy(() -> this.engine.process("[# th:text=\"${item.getClass().getClassLoader()}\"/]",
				TemplateContexts.of(Locale.JAPAN, model)))
			.isInstanceOf(TemplateProcessingException.class)
			.rootCause()
			.hasMessageContaining("'getClassLoader' is forbidden");
		assertThatThrownBy(() -> this.engine.process("[# th:text=\"${item.class.classLoader}\"/]",
				TemplateContexts.of(Locale.JAPAN, model)))
			.isInstanceOf(TemplateProcessingException.class);
		assertThatThrownBy(() -> this.engine.process("[# th:text=\"${@dataSource}\"/]",
				TemplateContexts.of(Locale.JAPAN, model)))
			.isInstanceOf(TemplateProcessingException.class)
			.rootCause()
			.hasMessageContaining("forbidden");
	}

	@Test
	void shouldKeepTheModelsOfTemplatesRenderedAtOnceApart() throws Exception {
		String template = "[(${item.name})]:[(${#locale})]:[# th:with=\"copy=${item.name}\"][(${copy})][/]";
		List<Callable<List<String>>> renders = new ArrayList<>();
		for (int thread = 0; thread < 4; thread++) {
			Locale locale = thread % 2 == 0 ? Locale.JAPAN : Locale.US;
			String name = "item-" + thread;
			renders.add(() -> {
				List<String> wrong = new ArrayList<>();
				for (int i = 0; i < 500; i++) {
					String rendered = this.engine.process(template,
							TemplateContexts.of(locale, Map.of("item", new Item(name + "-" + i, i))));
					String expected = name + "-" + i + ":" + locale + ":" + name + "-" + i;
					if (!rendered.equals(expected)) {
						wrong.add(rendered + " instead of " + expected);
					}
				}
				return wrong;
			});
		}
		for (Future<List<String>> result : this.threads.invokeAll(renders)) {
			assertThat(result.get()).isEmpty();
		}
	}

	private static SpringTemplateEngine engine() {
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.TEXT);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/** A model object read through SpEL's reflective property accessor. */
	public record Item(String name, double price) {
	}

}
