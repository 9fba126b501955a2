package uk.ear.workers.handover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Flowing text on A4 pages with PDFBox: wrapped lines, a new page when one is full, a footer on
 * every page. Text is set in Liberation Sans (shipped inside PDFBox, embedded as a subset), so
 * names in any Latin, Greek or Cyrillic script print as written; a character the font lacks
 * prints as {@code ?} rather than failing the pack.
 */
final class PdfText implements AutoCloseable {

  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  static final float MARGIN = 56;
  private static final float FOOTER_SPACE = 40;

  private final PDDocument document;
  private final PDFont font;
  private final String footer;
  private final float width;
  private PDPageContentStream content;
  private float y;
  private int pages;

  PdfText(PDDocument document, String footer) {
    this.document = document;
    this.footer = footer;
    try (InputStream ttf = PDFont.class.getResourceAsStream(FONT)) {
      if (ttf == null) {
        throw new IllegalStateException("PDFBox's Liberation Sans font is missing: " + FONT);
      }
      this.font = PDType0Font.load(document, ttf, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
  }

  void title(String text) {
    write(text, 16, 24);
    space(4);
  }

  void heading(String text) {
    space(10);
    ensureRoom(40);
    write(text, 12.5f, 18);
  }

  void field(String label, Object value) {
    write(label + ": " + (value == null || value.toString().isBlank() ? "-" : value), 10, 14);
  }

  void paragraph(String text, float size) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      write(line, size, size + 4);
    }
  }

  void space(float points) {
    y -= points;
  }

  private void write(String text, float size, float leading) {
    for (String line : wrap(printable(text), size)) {
      ensureRoom(leading);
      try {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN, y - size);
        content.showText(line);
        content.endText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      y -= leading;
    }
  }

  private void ensureRoom(float needed) {
    if (content == null || y - needed < MARGIN + FOOTER_SPACE) {
      newPage();
    }
  }

  private void newPage() {
    try {
      closePage();
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      pages++;
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
      content.beginText();
      content.setFont(font, 8);
      content.newLineAtOffset(MARGIN, MARGIN);
      content.showText(printable(footer + " - page " + pages));
      content.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closePage() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
  }

  /** Words onto lines no wider than the text column; an over-long word is cut. */
  List<String> wrap(String text, float size) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (widthOf(candidate, size) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (widthOf(rest, size) > width) {
        int cut = rest.length() - 1;
        while (cut > 1 && widthOf(rest.substring(0, cut), size) > width) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  private float widthOf(String text, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tabs as spaces, no control characters, and only characters the font can draw. */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.replace('\t', ' ')
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                return;
              }
              String ch = new String(Character.toChars(cp));
              out.append(canDraw(ch) ? ch : "?");
            });
    return out.toString();
  }

  private boolean canDraw(String ch) {
    try {
      font.encode(ch);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  int pages() {
    return pages;
  }

  @Override
  public void close() {
    try {
      closePage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
