package uk.ear.workers.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Real servers in the test JVM, started once: an SMTP server (GreenMail) and HTTP stubs
 * (WireMock) of the case service's {@code /api} and of the police system. GreenMail keeps its
 * port when stopped and started again, so a test can make SMTP fail and recover.
 */
public final class TestServers {

  public static final String ENGINE_USER = "workers";
  public static final String ENGINE_PASSWORD = "test-password-for-workers";
  public static final String POLICE_PATH = "/police/ear/updates";

  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
  private static final WireMockServer CASE_SERVICE = new WireMockServer(options().dynamicPort());
  private static final WireMockServer POLICE = new WireMockServer(options().dynamicPort());

  static {
    SMTP.start();
    CASE_SERVICE.start();
    POLICE.start();
  }

  private TestServers() {}

  public static GreenMail smtp() {
    if (!SMTP.isRunning()) {
      SMTP.start();
    }
    return SMTP;
  }

  /** SMTP down: connections to its port are refused until {@link #smtp()} starts it again. */
  public static void stopSmtp() {
    SMTP.stop();
  }

  public static int smtpPort() {
    return SMTP_PORT;
  }

  public static WireMockServer caseService() {
    return CASE_SERVICE;
  }

  public static WireMockServer police() {
    return POLICE;
  }

  public static String policeUrl() {
    return POLICE.baseUrl() + POLICE_PATH;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
