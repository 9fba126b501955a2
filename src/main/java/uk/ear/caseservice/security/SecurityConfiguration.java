package uk.ear.caseservice.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import uk.ear.caseservice.cases.Teams;

/**
 * Every HTTP endpoint authenticates. {@code /api}, {@code /engine-rest}, the OpenAPI description
 * and Actuator take HTTP Basic against the engine's users; the Camunda webapps use their own login
 * (and their own CSRF protection). Only the health status (no details) is open, for probes.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  static final String[] BASIC_AUTH_PATHS = {
    "/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
    "/actuator/**"
  };

  @Bean
  CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(
      IdentityService identity) {
    return new CamundaIdentityAuthenticationProvider(identity);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    // path patterns, not MVC matchers: /engine-rest is a Jersey servlet, not Spring MVC
    return http.securityMatcher(paths(BASIC_AUTH_PATHS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(paths("/actuator/health", "/actuator/health/**"))
                    .permitAll()
                    .requestMatchers(paths("/actuator/**"))
                    .hasRole(Teams.ADMIN_GROUP)
                    .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/calls"))
                    .hasAnyRole(Teams.POLICE_GROUP, Teams.ADMIN_GROUP)
                    .anyRequest()
                    .authenticated())
        .httpBasic(withDefaults())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    // Camunda's webapps authenticate and authorize every call of their own API themselves
    return http.securityMatcher("/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        java.util.Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
  }

  @Bean
  FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(
      IdentityService identity) {
    FilterRegistrationBean<EngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineAuthenticationFilter(identity));
    registration.addUrlPatterns("/engine-rest/*");
    // after Spring Security's filter chain (SecurityProperties.DEFAULT_FILTER_ORDER = -100)
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    return registration;
  }
}
