package uk.ear.caseservice.web;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Connections to the service's database of their own, outside the pool: the same URL, driver,
 * account and driver settings (PostgreSQL's {@code connectTimeout} among them) as the pool's, so
 * they reach the database as the pool does, but never wait for one of the pool's connections to
 * come free. {@link DatabaseHealth} asks through it whether the database can be reached.
 */
public final class DatabaseProbe {

  private final DataSource connections;

  private DatabaseProbe(DataSource connections) {
    this.connections = connections;
  }

  /** Connections made as {@code pool} makes its own. */
  public static DatabaseProbe beside(HikariDataSource pool) {
    return new DatabaseProbe(unpooled(pool));
  }

  /**
   * A data source that opens a new connection each time, as {@code pool} opens its own (Hikari's
   * own {@link DriverDataSource} with the pool's settings).
   */
  public static DataSource unpooled(HikariDataSource pool) {
    return new DriverDataSource(
        pool.getJdbcUrl(),
        pool.getDriverClassName(),
        pool.getDataSourceProperties(),
        pool.getUsername(),
        pool.getPassword());
  }

  /** The same probe with its connections passed through {@code wrapper} (tests take them away). */
  public DatabaseProbe through(UnaryOperator<DataSource> wrapper) {
    return new DatabaseProbe(wrapper.apply(connections));
  }

  /** A new connection, closed by the caller. */
  Connection connect() throws SQLException {
    return connections.getConnection();
  }
}
