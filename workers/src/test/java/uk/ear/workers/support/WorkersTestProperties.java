package uk.ear.workers.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the workers at the in-JVM test servers. */
public final class WorkersTestProperties {

  private WorkersTestProperties() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestServers::smtpPort);
    registry.add("workers.case-service.url", () -> TestServers.caseService().baseUrl());
    registry.add("workers.police.url", TestServers::policeUrl);
  }
}
