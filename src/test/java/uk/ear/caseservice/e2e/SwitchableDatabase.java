package uk.ear.caseservice.e2e;

import java.io.EOFException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The application's database, which a test can take away without stopping anything: the pool's
 * data source wrapped so that, while {@link #down()}, every connection asked for fails as Hikari
 * fails when PostgreSQL is stopped (its pool timeout, caused by the refused connection). Up, it
 * is the pool itself. Part of every {@link EndToEndTest} application ({@code @Import}), so the
 * outage test shares their context; a test that takes the database down brings it up in its
 * {@code @AfterEach}.
 *
 * <p>A request can also lose the database only once its caller is authenticated, to reach what
 * runs after authentication (the API's handlers, Camunda's REST resources): header {@value
 * #HEADER} {@code unreachable} (no connection, as above) or {@code lost} (a connection is lent,
 * then every statement on it fails as on a connection the server dropped: SQLState 08006).
 */
public class SwitchableDatabase implements BeanPostProcessor {

  public static final String HEADER = "X-Test-Database";

  private volatile boolean down;

  /** PostgreSQL stopped: no connection for anyone. */
  public void down() {
    down = true;
  }

  public void up() {
    down = false;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String name) {
    if (bean instanceof com.zaxxer.hikari.HikariDataSource pool) {
      return new Switched(pool);
    }
    return bean;
  }

  final class Switched extends DelegatingDataSource {
    Switched(DataSource pool) {
      super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
      unreachable();
      return lostOrNot(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      unreachable();
      return lostOrNot(super.getConnection(username, password));
    }
  }

  private void unreachable() throws SQLException {
    if (down || thisRequestAfterAuthentication("unreachable")) {
      throw new SQLTransientConnectionException(
          "HikariPool-1 - Connection is not available, request timed out after 3000ms"
              + " (total=0, active=0, idle=0, waiting=0)",
          "08001",
          new SQLException(
              "Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct"
                  + " and that the postmaster is accepting TCP/IP connections.",
              "08001",
              new ConnectException("Connection refused")));
    }
  }

  private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

  private Connection lostOrNot(Connection connection) {
    if (!thisRequestAfterAuthentication("lost")) {
      return connection;
    }
    return (Connection)
        Proxy.newProxyInstance(
            SwitchableDatabase.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (STATEMENTS.contains(method.getName())) {
                throw new SQLException(
                    "An I/O error occurred while sending to the backend.", "08006", new EOFException());
              }
              try {
                // transactions begin, roll back and close as usual: the pool's connection is fine
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static boolean thisRequestAfterAuthentication(String mode) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
        || !mode.equals(request.getRequest().getHeader(HEADER))) {
      return false;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    return caller != null
        && caller.isAuthenticated()
        && !new AuthenticationTrustResolverImpl().isAnonymous(caller);
  }
}
