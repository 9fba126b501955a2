package uk.ear.caseservice.policy;

import java.time.Clock;
import java.util.HashSet;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.ear.caseservice.shared.EarProperties;

@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  @Bean
  Clock clock(EarProperties properties) {
    return new EngineClock(properties.zone());
  }

  @Bean
  WorkingCalendar workingCalendar(EarProperties properties) {
    return new WorkingCalendar(new HashSet<>(properties.workingDay().extraHolidays()));
  }

  @Bean
  Deadlines deadlines(
      Clock clock, WorkingCalendar calendar, OutOfHours outOfHours, EarProperties properties) {
    return new Deadlines(clock, calendar, outOfHours, properties);
  }

  @Bean
  OutOfHours outOfHours(WorkingCalendar calendar, EarProperties properties) {
    return new OutOfHours(calendar, properties);
  }

  @Bean
  ResponsePolicy responsePolicy(DecisionService decisionService, Deadlines deadlines) {
    return new ResponsePolicy(decisionService, deadlines);
  }
}
