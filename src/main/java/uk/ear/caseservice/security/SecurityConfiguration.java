package uk.ear.caseservice.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import uk.ear.caseservice.shared.CurrentUser;
import uk.ear.caseservice.shared.EarProperties;

/**
 * Every HTTP endpoint authenticates. {@code /api}, {@code /engine-rest}, the OpenAPI description
 * and Actuator take an API key ({@code X-API-Key}, service accounts) or HTTP Basic against the
 * engine's users ({@link CamundaIdentityAuthenticationProvider}), and then {@link AccessRules}
 * decides by path and method; the Camunda webapps use their own login (and their own CSRF
 * protection), which refuses service accounts ({@link WebappLoginGuard}). Only the health status
 * (no details) is open, for probes. Every 401 and 403 is audited ({@link SecurityAuditFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  static final String[] BASIC_AUTH_PATHS = {
    "/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
    "/actuator/**"
  };

  @Bean
  CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(
      ProcessEngine engine, EarProperties ear) {
    return new CamundaIdentityAuthenticationProvider(
        engine.getIdentityService(),
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager(),
        ear.demo().identities());
  }

  @Bean
  ApiKeys apiKeys(EarSecurityProperties properties) {
    return new ApiKeys(properties);
  }

  @Bean
  SecurityAudit securityAudit(JdbcTemplate jdbc) {
    return new SecurityAudit(jdbc);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http, ApiKeys keys, IdentityService identity) throws Exception {
    ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint();
    // path patterns, not MVC matchers: /engine-rest is a Jersey servlet, not Spring MVC
    return http.securityMatcher(paths(BASIC_AUTH_PATHS))
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(paths("/actuator/health", "/actuator/health/**"))
                    .permitAll()
                    .anyRequest()
                    .access(new AccessRules()))
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(keys, identity, entryPoint),
            BasicAuthenticationFilter.class)
        // the dashboard (logged in to the webapps) reads its figures
        .addFilterBefore(
            new WebappSessionAuthenticationFilter(
                PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, "/api/stats/**")),
            ApiKeyAuthenticationFilter.class)
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied()))
        .csrf(AbstractHttpConfigurer::disable)
        // the dashboard's reads come with the webapps' session, already renewed at their login:
        // a new session id here would log out the reads running beside it
        .sessionManagement(
            s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
        .build();
  }

  /**
   * The case pages ({@code /cases/...}) and the managers' dashboard: the webapps' login, the case's access rules in the
   * controller, CSRF tokens on their forms, and framed only by our own pages (Tasklist shows the
   * case summary above each task form).
   */
  @Bean
  @Order(2)
  SecurityFilterChain casePageSecurity(HttpSecurity http, CamundaBpmProperties camunda) throws Exception {
    String login = camunda.getWebapp().getApplicationPath() + "/app/tasklist/default/";
    return http.securityMatcher("/cases/**", "/dashboard", "/dashboard/**")
        .addFilterBefore(new WebappSessionAuthenticationFilter(), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(login)))
        .headers(h -> h.frameOptions(f -> f.sameOrigin()))
        .sessionManagement(s -> s.sessionFixation(f -> f.none()))
        .requestCache(cache -> cache.disable())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    // Camunda's webapps authenticate and authorize every call of their own API themselves
    return http.securityMatcher("/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  private static AccessDeniedHandler accessDenied() {
    return (request, response, denied) -> {
      var auth =
          org.springframework.security.core.context.SecurityContextHolder.getContext()
              .getAuthentication();
      if (auth != null) {
        request.setAttribute(SecurityAudit.PRINCIPAL, auth.getName());
        request.setAttribute(
            SecurityAudit.REASON,
            "not allowed for groups "
                + new java.util.TreeSet<>(CurrentUser.groupsOf(auth)));
      }
      response.sendError(403);
    };
  }

  private static RequestMatcher paths(String... patterns) {
    PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        java.util.Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
  }

  @Bean
  FilterRegistrationBean<SecurityAuditFilter> securityAuditFilter(
      SecurityAudit audit, CamundaBpmProperties camunda) {
    FilterRegistrationBean<SecurityAuditFilter> registration =
        new FilterRegistrationBean<>(
            new SecurityAuditFilter(audit, camunda.getWebapp().getApplicationPath()));
    registration.addUrlPatterns("/*");
    // around Spring Security (SecurityProperties.DEFAULT_FILTER_ORDER = -100), after the
    // forwarded-header filter, so it sees every answer and the client's real address
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginGuard> webappLoginGuard(
      IdentityService identity, CamundaBpmProperties camunda) {
    String webapp = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<WebappLoginGuard> registration =
        new FilterRegistrationBean<>(new WebappLoginGuard(identity, webapp));
    registration.addUrlPatterns(webapp + "/api/admin/auth/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
    return registration;
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
