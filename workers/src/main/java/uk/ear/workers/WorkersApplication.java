package uk.ear.workers;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The EAR external task workers: fetch {@code ear-police-update}, {@code ear-handover-pack} and
 * {@code ear-manager-alert} tasks from the case service's engine over {@code /engine-rest}, so
 * the engine never waits on a mail server or the police system. Scaled and restarted on its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkersApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkersApplication.class, args);
  }

  /** Every time the workers print or send is in this zone ({@code workers.zone}). */
  @Bean
  Clock clock(@Value("${workers.zone:Europe/London}") ZoneId zone) {
    return Clock.system(zone);
  }
}
