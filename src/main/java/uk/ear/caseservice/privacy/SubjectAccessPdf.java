package uk.ear.caseservice.privacy;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * The subject access export as a readable PDF (OpenPDF): one section per case, with the people,
 * the police calls, what the workers recorded, and who looked at the record and when.
 */
final class SubjectAccessPdf {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm xxx");
  private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
  private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12.5f);
  private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
  private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

  private SubjectAccessPdf() {}

  static byte[] of(SubjectAccess.Export export) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 56, 56, 56, 56);
    PdfWriter.getInstance(document, out);
    document.open();
    document.addTitle("Subject access export");
    document.add(new Paragraph("Early Action Response: what we hold", TITLE));
    line(document, "Exported", WHEN.format(export.exportedAt()) + " by " + export.exportedBy());
    SubjectAccess.Query q = export.query();
    line(document, "Looked for", q.caseRef() != null ? "case " + q.caseRef() : q.name() + ", born " + q.dateOfBirth());
    line(document, "Cases found", String.valueOf(export.cases().size()));
    for (SubjectAccess.CaseHeld c : export.cases()) {
      heading(document, "Case " + c.caseRef());
      line(document, "Team", c.team());
      line(document, "Stage", c.stage() + (c.closureReason() == null ? "" : " (" + c.closureReason() + ")"));
      line(document, "Category and grade", c.category() + ", grade " + c.grade() + ", " + c.district());
      line(document, "Opened", when(c.openedAt()));
      line(document, "Closed", when(c.closedAt()));
      line(document, "Allocated worker", c.allocatedWorker());
      if (c.erasedAt() != null) {
        line(document, "Personal data erased", when(c.erasedAt()));
      }
      sub(document, "People");
      c.people().forEach(p -> text(document, p.name() + ", born " + p.dateOfBirth() + " (" + p.role() + "), call " + p.incidentRef()));
      sub(document, "Police calls");
      c.calls().forEach(i -> text(document, when(i.reportedAt()) + " " + i.incidentRef() + ", grade " + i.grade()
          + ", " + i.category() + ", " + i.location() + ": " + i.summary()
          + (i.officer() == null ? "" : " (" + i.officer() + ")")));
      sub(document, "What was recorded");
      c.entries().forEach(e -> text(document, when(e.recordedAt()) + " " + e.kind()
          + (e.outcome() == null ? "" : " " + e.outcome()) + " by " + e.recordedBy()
          + (e.details() == null ? "" : ": " + e.details())));
      sub(document, "Who looked at the record, and what was done with it");
      c.lookedAt().forEach(a -> text(document, when(a.at()) + " " + a.user() + " " + a.action()
          + (a.channel() == null ? "" : " via " + a.channel())
          + (a.detail() == null ? "" : " (" + a.detail() + ")") + (a.refused() ? " REFUSED" : "")));
    }
    document.close();
    return out.toByteArray();
  }

  private static String when(java.time.OffsetDateTime at) {
    return at == null ? "-" : WHEN.format(at);
  }

  private static void heading(Document document, String text) {
    Paragraph p = new Paragraph(text, HEADING);
    p.setSpacingBefore(14);
    document.add(p);
  }

  private static void sub(Document document, String text) {
    Paragraph p = new Paragraph(text, LABEL);
    p.setSpacingBefore(6);
    document.add(p);
  }

  private static void line(Document document, String label, String value) {
    Paragraph p = new Paragraph();
    p.add(new Chunk(label + ": ", LABEL));
    p.add(new Chunk(value == null || value.isBlank() ? "-" : value, TEXT));
    document.add(p);
  }

  private static void text(Document document, String text) {
    document.add(new Paragraph(text, TEXT));
  }
}
