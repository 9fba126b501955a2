package uk.ear.caseservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import uk.ear.caseservice.engine.XmlDatatypeFactory;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseServiceApplication {

  static {
    // before the engine schedules its first timer, also when a test starts the application
    XmlDatatypeFactory.useTheJdksUnlessSet();
  }

  public static void main(String[] args) {
    SpringApplication.run(CaseServiceApplication.class, args);
  }
}
