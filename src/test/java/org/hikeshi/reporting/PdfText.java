package org.hikeshi.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a test reads from a generated PDF with PDFBox: its text, its pages, and its fonts. */
record PdfText(String text, int pages, List<PDFont> fonts, float pageWidth, float pageHeight) {

	static PdfText of(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}
			PDPage first = document.getPage(0);
			return new PdfText(new PDFTextStripper().getText(document), document.getNumberOfPages(), fonts,
					first.getMediaBox().getWidth(), first.getMediaBox().getHeight());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text with line breaks and spaces removed: table cells may wrap anywhere. */
	String compact() {
		return this.text.replaceAll("\\s+", "");
	}

}
