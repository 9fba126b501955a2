package uk.ear.caseservice.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine REST API of Camunda's webapps ({@code /camunda/api/engine}): what Tasklist calls to
 * start a process from its form or to complete a task, rather than {@code /engine-rest}. Camunda's
 * own resources and handlers, plus the answers of {@link EngineRestConfig} to a refused form (Tasklist
 * then shows the worker our message alone, "Request early closure: please correct the form. …",
 * not a {@code 500} reading "Cannot instantiate process definition RequestCaseClosure:1:…: …") and
 * to a database that cannot be reached ({@code 503}).
 */
public class WebappEngineApi extends EngineRestApplication {

  /** The name Camunda's starter gives the servlet; it adds its own only if there is none. */
  static final String SERVLET = "Engine Api";

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(super.getClasses());
    classes.add(EngineRestConfig.RestExceptionAnswers.class);
    classes.add(EngineRestConfig.EngineExceptionAnswers.class);
    classes.add(EngineRestConfig.OtherExceptionAnswers.class);
    return classes;
  }

  /**
   * Registers the servlet as Camunda's {@code CamundaBpmWebappInitializer} would (same name, path
   * and Jersey container), but with this application, and before it: that initializer has no order
   * of its own, so it runs after this one and leaves the servlet as it is.
   */
  @Component
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Registration implements ServletContextInitializer {

    private final CamundaBpmProperties camunda;

    Registration(CamundaBpmProperties camunda) {
      this.camunda = camunda;
    }

    @Override
    public void onStartup(ServletContext servletContext) {
      if (servletContext.getServletRegistration(SERVLET) != null) {
        throw new IllegalStateException(
            "Servlet '" + SERVLET + "' registered before " + WebappEngineApi.class.getName()
                + ": Tasklist would show refused forms in engine wording");
      }
      ServletRegistration.Dynamic servlet = servletContext.addServlet(SERVLET, ServletContainer.class);
      servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      servlet.setInitParameter("jakarta.ws.rs.Application", WebappEngineApi.class.getName());
    }
  }
}
