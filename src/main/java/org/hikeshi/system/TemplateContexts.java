package org.hikeshi.system;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContextWrapper;

import org.springframework.context.support.StaticApplicationContext;

/**
 * Contexts for Hikeshi's own Thymeleaf engines (mail bodies, report HTML) that let SpEL keep what it learnt about
 * the model's classes from one template to the next.
 * <p>
 * Left alone, Thymeleaf gives every template it processes a new {@code StandardEvaluationContext} with new
 * property accessors, and SpEL caches a property's getter in the accessor: every {@code ${incident.reference}}
 * of every mail looked its getter up again by reflection ({@code Class.getMethods}), about half a millisecond per
 * bilingual mail (docs/performance.md, "Mail templates"). Here every template gets a wrapper of its own (which
 * holds what Thymeleaf sets per template: the expression objects, the restricted mode, {@code th:with}'s variables)
 * around one shared {@link ThymeleafEvaluationContext}, whose property accessors, with Thymeleaf's checks of
 * forbidden classes, and their caches live as long as the application. The shared context is only read: its
 * variables stay empty, nothing sets its expression objects, and its bean resolver looks in an empty application
 * context, so templates reach no bean, as before.
 */
public final class TemplateContexts {

	private static final ThymeleafEvaluationContext SHARED = shared();

	private TemplateContexts() {
	}

	/** A context for one template, its variables {@code variables} (copied), in {@code locale}. */
	public static Context of(Locale locale, Map<String, Object> variables) {
		Context context = new Context(locale, variables);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContextWrapper(SHARED));
		return context;
	}

	private static ThymeleafEvaluationContext shared() {
		StaticApplicationContext noBeans = new StaticApplicationContext();
		noBeans.refresh();
		ThymeleafEvaluationContext context = new ThymeleafEvaluationContext(noBeans, null);
		// StandardEvaluationContext creates some of its parts on first use: create them now, before threads share it
		context.getTypeConverter();
		context.getTypeComparator();
		context.getOperatorOverloader();
		context.getConstructorResolvers();
		context.getMethodResolvers();
		context.getPropertyAccessors();
		context.getTypeLocator();
		context.getBeanResolver();
		return context;
	}

}
