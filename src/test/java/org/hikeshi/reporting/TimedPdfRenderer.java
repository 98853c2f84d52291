package org.hikeshi.reporting;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.GenericApplicationContext;

/**
 * The benchmark's PDF renderer: the real one, timing each report it renders, so that the benchmark can count report
 * rendering on its own. Not a component: the benchmark registers it as the primary renderer of its application.
 */
public class TimedPdfRenderer extends PdfRenderer {

	private final List<Double> millis = new ArrayList<>();

	private TimedPdfRenderer(ReportFont font) {
		super(font);
	}

	/** Registers a timed renderer as the primary {@code PdfRenderer} of an application about to start. */
	public static void registerPrimary(GenericApplicationContext context) {
		context.registerBean(TimedPdfRenderer.class, () -> new TimedPdfRenderer(context.getBean(ReportFont.class)),
				definition -> definition.setPrimary(true));
	}

	@Override
	byte[] render(ReportDocument document) {
		long start = System.nanoTime();
		try {
			return super.render(document);
		}
		finally {
			double took = (System.nanoTime() - start) / 1_000_000.0;
			synchronized (this.millis) {
				this.millis.add(took);
			}
		}
	}

	/** The render times since the last call, in milliseconds, and forgets them. */
	public List<Double> drain() {
		synchronized (this.millis) {
			List<Double> drained = new ArrayList<>(this.millis);
			this.millis.clear();
			return drained;
		}
	}

}
