package uk.ear.caseservice.privacy;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Data protection: the read audit of the engine's API, and the nightly retention job. */
@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PrivacyConfiguration {

  @Bean
  FilterRegistrationBean<ReadAuditFilter> readAuditFilter(CaseReadAudit audit) {
    FilterRegistrationBean<ReadAuditFilter> registration =
        new FilterRegistrationBean<>(new ReadAuditFilter(audit));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    // inside Spring's request context (-105), around Spring Security (-100): it sees refusals
    // too, and the engine's caller recorded during the request
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 4);
    return registration;
  }
}
