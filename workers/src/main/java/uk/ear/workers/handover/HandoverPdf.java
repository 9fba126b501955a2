package uk.ear.workers.handover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import uk.ear.workers.caseservice.HandoverPack;

/**
 * The handover summary a receiving service gets: the case, its people and its record, in one
 * PDF. It carries personal data on purpose; the document's metadata carries the case ref only.
 */
@Component
public class HandoverPdf {

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm xxx");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

  private final Clock clock;

  public HandoverPdf(Clock clock) {
    this.clock = clock;
  }

  public byte[] render(HandoverPack pack, ReceivingService to) {
    ZoneId zone = clock.getZone();
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("EAR handover summary " + pack.caseRef());
      info.setSubject("Handover to " + to.displayName());
      info.setCreator("EAR workers");
      info.setCreationDate(GregorianCalendar.from(OffsetDateTime.now(clock).atZoneSameInstant(zone)));

      try (PdfText pdf =
          new PdfText(
              document,
              "EAR handover " + pack.caseRef() + " - OFFICIAL-SENSITIVE: contains personal data")) {
        pdf.title("EAR handover summary: " + pack.caseRef());
        pdf.field("To", to.displayName());
        pdf.field("Prepared", time(OffsetDateTime.now(clock), zone));

        pdf.heading("Case");
        pdf.field("Case reference", pack.caseRef());
        pdf.field("Police incident references", String.join(", ", pack.incidentRefs()));
        pdf.field("EAR team", pack.team());
        pdf.field("District", pack.district());
        pdf.field("Category", pack.category());
        pdf.field("Police grade", pack.grade());
        pdf.field("Stage", pack.stage());
        pdf.field("Call reported", time(pack.reportedAt(), zone));
        pdf.field("Case opened", time(pack.openedAt(), zone));
        pdf.field("Allocated worker", pack.allocatedWorker());

        pdf.heading("People");
        if (pack.subjects().isEmpty()) {
          pdf.paragraph("None recorded.", 10);
        }
        for (HandoverPack.Subject subject : pack.subjects()) {
          pdf.field(
              subject.name(),
              (subject.dateOfBirth() == null ? "date of birth not known" : "born "
                  + subject.dateOfBirth().format(DATE))
                  + (subject.role() == null ? "" : ", " + subject.role()));
        }

        pdf.heading("Case record");
        if (pack.entries().isEmpty()) {
          pdf.paragraph("No entries.", 10);
        }
        for (HandoverPack.Entry entry : pack.entries()) {
          pdf.space(6);
          pdf.field(
              time(entry.occurredAt(), zone) + " " + nonNull(entry.kind()),
              nonNull(entry.outcome()));
          pdf.paragraph(
              "recorded " + time(entry.recordedAt(), zone) + " by " + nonNull(entry.recordedBy()),
              8.5f);
          pdf.paragraph(entry.details(), 10);
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String time(OffsetDateTime time, ZoneId zone) {
    return time == null ? "-" : time.atZoneSameInstant(zone).format(TIME);
  }

  private static String nonNull(String text) {
    return text == null ? "-" : text;
  }
}
