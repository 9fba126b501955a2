package uk.ear.workers.support;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The text part and the PDF attachments of a mail GreenMail received. */
public record MailParts(String text, List<byte[]> pdfs, List<String> pdfNames) {

  public static MailParts of(MimeMessage mail) throws MessagingException, IOException {
    List<byte[]> pdfs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    collect(mail, text, pdfs, names);
    return new MailParts(text.toString(), pdfs, names);
  }

  private static void collect(Part part, StringBuilder text, List<byte[]> pdfs, List<String> names)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        collect(body, text, pdfs, names);
      }
    } else if (part.isMimeType("application/pdf")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      part.getDataHandler().writeTo(out);
      pdfs.add(out.toByteArray());
      names.add(part.getFileName());
    } else if (part.isMimeType("text/plain")) {
      text.append(GreenMailUtil.getBody(part).isEmpty() ? "" : part.getContent());
    }
  }
}
