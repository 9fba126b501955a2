package uk.ear.caseservice.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * docs/processes.md and its pictures show the models as they are: each picture, and each section
 * of the page, records the SHA-256 of the model it was rendered from. A model saved without
 * running {@code node scripts/render-models.mjs} fails here, naming the model.
 */
class ProcessPicturesTest {

  @Test
  void everyModelsPictureAndSectionAreRenderedFromTheModelAsItIs() throws Exception {
    String page = Files.readString(Path.of("docs", "processes.md"));
    var models = new java.util.ArrayList<Path>();
    models.addAll(ModelChecks.files(Path.of("processes"), ".bpmn"));
    models.addAll(ModelChecks.files(Path.of("processes"), ".dmn"));
    for (Path model : models) {
      String file = model.getFileName().toString();
      String stamp = "processes/" + file + " sha256:" + sha256(model);
      Path picture = Path.of("docs", "processes", file.replaceAll("\\.(bpmn|dmn)$", ".svg"));
      String rerender = "re-render: node scripts/render-models.mjs";
      assertThat(picture).as("the picture of %s (%s)", file, rerender).exists();
      assertThat(Files.readAllLines(picture).get(0)).as("the picture of %s is of this model (%s)", file, rerender)
          .contains(stamp);
      assertThat(page).as("docs/processes.md shows %s as it is (%s)", file, rerender).contains("<!-- " + stamp + " -->");
    }
  }

  private static String sha256(Path file) throws IOException, java.security.NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
