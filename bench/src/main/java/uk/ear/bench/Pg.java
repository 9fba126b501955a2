package uk.ear.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL server the nodes share: fresh databases and direct counts. */
final class Pg {

  static final String HOST = System.getProperty("ear.bench.pg-host", "127.0.0.1");
  static final int PORT = Integer.getInteger("ear.bench.pg-port", 5432);
  static final String USER = System.getProperty("ear.bench.pg-user", "postgres");

  private Pg() {}

  static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), USER, "");
  }

  /** Drops (ending its sessions) and creates the database. */
  static void recreate(String database) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + database);
    }
  }

  static long count(String database, String sql) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static List<List<Object>> rows(String database, String sql) throws SQLException {
    try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  static String version() throws SQLException {
    return rows("postgres", "SHOW server_version").get(0).get(0).toString();
  }
}
