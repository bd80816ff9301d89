package org.branchlink.gateway.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A report as PDF: the {@code report-pdf} template (the report page's content with print styles) rendered by
 * openhtmltopdf, with the first CJK font found on the host ({@code branchlink.reports.pdf-fonts}: TrueType files or
 * collections; Debian's {@code fonts-wqy-microhei} by default) embedded as a subset.
 */
@Component
class ReportPdf {

	private static final Logger log = LoggerFactory.getLogger(ReportPdf.class);

	private final ITemplateEngine templates;

	private final List<Path> fonts;

	ReportPdf(ITemplateEngine templates, @Value("${branchlink.reports.pdf-fonts:"
			+ "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,"
			+ "/usr/share/fonts/truetype/arphic/uming.ttc}") List<String> fonts) {
		this.templates = templates;
		this.fonts = fonts.stream().map(String::strip).map(Path::of).toList();
	}

	byte[] render(Locale locale, Map<String, Object> model) {
		String html = templates.process("report-pdf", new Context(locale, model));
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder().usePDDocument(document)
				.withHtmlContent(html, null)
				.toStream(out);
			TrueTypeFont font = cjkFont();
			if (font != null) {
				builder.useFont(new PDFontSupplier(load(document, font)), "cjk");
			}
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not render the report as PDF", ex);
		}
	}

	private static PDType0Font load(PDDocument document, TrueTypeFont font) {
		try {
			return PDType0Font.load(document, font, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first font of the first configured file that exists; null (and a warning) when there is none. */
	private TrueTypeFont cjkFont() throws IOException {
		for (Path path : fonts) {
			if (!Files.isRegularFile(path)) {
				continue;
			}
			if (path.toString().endsWith(".ttc")) {
				AtomicReference<TrueTypeFont> first = new AtomicReference<>();
				TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
				collection.processAllFonts(font -> first.compareAndSet(null, font));
				return first.get();
			}
			return new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
		}
		log.warn("No CJK font for PDF reports in {}: Chinese text will be missing (install fonts-wqy-microhei or set "
				+ "branchlink.reports.pdf-fonts)", fonts);
		return null;
	}

}
