package uk.ear.caseservice.e2e;

import com.zaxxer.hikari.HikariDataSource;
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
import uk.ear.caseservice.web.DatabaseProbe;

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
 * #HEADER} {@code unreachable} (no connection, as above) or {@code lost} (the connection breaks
 * under its first statement, SQLState 08006, as when the server goes away mid-request). For {@code
 * lost} the pool's own connections (under Hikari, which then evicts and closes the broken one as
 * it would in production, so the transaction's rollback fails too) are wrapped: each statement
 * checks the request it serves.
 *
 * <p>The health check's {@link DatabaseProbe}, which connects beside the pool, is switched too.
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
    if (bean instanceof HikariDataSource pool) {
      // the pool starts with its first connection, later: it may still be given its source
      pool.setDataSource(new Physical(DatabaseProbe.unpooled(pool)));
      return new Switched(pool);
    }
    if (bean instanceof DatabaseProbe probe) {
      // the health check's own connections go away with the pool's
      return probe.through(Switched::new);
    }
    return bean;
  }

  /** The database's own connections, under the pool: they break under a {@code lost} request. */
  final class Physical extends DelegatingDataSource {
    Physical(DataSource driver) {
      super(driver);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return breakable(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return breakable(super.getConnection(username, password));
    }
  }

  final class Switched extends DelegatingDataSource {
    Switched(DataSource pool) {
      super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
      unreachable();
      return super.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      unreachable();
      return super.getConnection(username, password);
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

  private static Connection breakable(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            SwitchableDatabase.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (STATEMENTS.contains(method.getName()) && thisRequestAfterAuthentication("lost")) {
                throw new SQLException(
                    "An I/O error occurred while sending to the backend.", "08006", new EOFException());
              }
              try {
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
