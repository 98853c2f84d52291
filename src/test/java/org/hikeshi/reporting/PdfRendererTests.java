package org.hikeshi.reporting;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.hikeshi.incident.Language;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The report template rendered to PDF and read back with PDFBox. */
class PdfRendererTests {

	private static final ReportFont FONT = new ReportFont(new ReportingProperties(
			"classpath*:gems/asciidoctor-pdf-*/data/fonts/mplus1p-regular-fallback.ttf", ZoneId.of("Asia/Tokyo")));

	private final PdfRenderer renderer = new PdfRenderer(FONT);

	@Test
	void shouldRenderAJapaneseReportWithItsCoverSectionsQuoteAndTimelineInOrder() {
		byte[] pdf = this.renderer.render(japanese(List.of(
				new ReportDocument.Row("2026年11月22日 09:00", "受付（お客様からのご連絡）", "山田 太郎"),
				new ReportDocument.Row("2026年11月22日 15:00", "出動（SLA達成、残り 18時間0分）", "佐藤 健二"),
				new ReportDocument.Row("2026年11月23日 10:00", "完了: 現状調査・初動アドバイス", "coordinator"))));

		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		PdfText read = PdfText.of(pdf);
		assertThat(read.pageWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f)); // A4: 210 mm
		assertThat(read.pageHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f)); // 297 mm
		String text = read.compact();
		assertThat(text).contains("初動調査報告書", "株式会社サンプル商事御中", "IR-2026-0001", "第2版", "お客様", "受付番号",
				"現状", "ファイルサーバが暗号化されていた", "御見積の概要", "Q-2026-0001", "インシデント初動対応", "¥1,100,000",
				"合計（税込）", "経緯");
		assertThat(text).containsSubsequence("受付（お客様からのご連絡）", "出動（SLA達成、残り18時間0分）",
				"完了:現状調査・初動アドバイス");
		assertThat(text).contains("1/" + read.pages());
		assertThat(read.fonts()).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
		assertThat(read.fonts()).extracting(PDFont::getName).allMatch(name -> name.contains("mplus-1p"));
	}

	@Test
	void shouldLogThroughSlf4jSoThatLoggingLevelsApply() {
		Logger openhtmltopdf = (Logger) LoggerFactory.getLogger("com.openhtmltopdf");
		Level level = openhtmltopdf.getLevel();
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		openhtmltopdf.addAppender(events);
		openhtmltopdf.setLevel(Level.INFO);
		try {
			this.renderer.render(japanese(List.of()));
		}
		finally {
			openhtmltopdf.detachAppender(events);
			openhtmltopdf.setLevel(level);
		}

		assertThat(events.list).isNotEmpty()
			.allSatisfy(event -> assertThat(event.getLoggerName()).startsWith("com.openhtmltopdf."))
			.anySatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
	}

	@Test
	void shouldRenderAnEnglishReportWithEnglishLabels() {
		ReportDocument english = new ReportDocument(Language.EN, "Full investigation report", "IR-2026-0002", 1,
				"22 Nov 2026, 09:00", "Sample Trading Co., Ltd.", "Taro Yamada", "22 Nov 2026, 09:00",
				"21 Nov 2026, 18:00", "Kenji Sato", null, "Evidence first",
				List.of(new ReportDocument.Section("Cause", "Weak access control on shared folders")),
				List.of(new ReportDocument.Row("22 Nov 2026, 09:00", "Contact from the client", "Taro Yamada")), null,
				null);

		String text = PdfText.of(this.renderer.render(english)).compact();

		assertThat(text).contains("Fullinvestigationreport", "Client", "Reference", "Responsepolicy", "Evidencefirst",
				"Cause", "Weakaccesscontrolonsharedfolders", "Timeline", "Contactfromtheclient");
		assertThat(text).doesNotContain("お客様", "御見積");
	}

	@Test
	void shouldRenderAReportWith200TimelineEntries() {
		List<ReportDocument.Row> rows = IntStream.rangeClosed(1, 200)
			.mapToObj(i -> new ReportDocument.Row("2026年11月%02d日 %02d:00".formatted(1 + i / 24, i % 24),
					"完了: 作業 No." + i + " 社内端末の調査", "coordinator"))
			.toList();
		this.renderer.render(japanese(rows.subList(0, 3))); // warm up: class loading and the font parse

		long start = System.nanoTime();
		byte[] pdf = this.renderer.render(japanese(rows));
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Rendered a report with %d timeline entries in %d ms (%d bytes)%n", rows.size(), millis,
				pdf.length);

		PdfText read = PdfText.of(pdf);
		assertThat(read.pages()).isGreaterThan(3);
		assertThat(read.compact()).containsSubsequence("作業No.1社内", "作業No.100社内", "作業No.200社内")
			.contains(read.pages() + "/" + read.pages());
	}

	private static ReportDocument japanese(List<ReportDocument.Row> timeline) {
		List<ReportDocument.Line> lines = new ArrayList<>();
		lines.add(new ReportDocument.Line("インシデント初動対応", "1 式", "¥1,000,000", "¥1,000,000"));
		ReportDocument.Priced quote = new ReportDocument.Priced("Q-2026-0001", "2026年11月23日", "T1234567890123",
				lines, "¥1,000,000", "¥100,000", "¥1,100,000");
		return new ReportDocument(Language.JA, "初動調査報告書", "IR-2026-0001", 2, "2026年11月24日 10:00",
				"株式会社サンプル商事 御中", "山田 太郎", "2026年11月22日 09:00", "2026年11月22日 08:00", "佐藤 健二",
				"2026年11月22日 15:00（SLA達成、残り 18時間0分）", "証拠の取得を優先",
				List.of(new ReportDocument.Section("現状", "ファイルサーバが暗号化されていた。\n共有フォルダは読めない。")), timeline,
				quote, null);
	}

}
