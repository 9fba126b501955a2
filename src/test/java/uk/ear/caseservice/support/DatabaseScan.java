package uk.ear.caseservice.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Finds text anywhere in the database: every table and column, byte arrays and LOBs included. */
public final class DatabaseScan {

  private DatabaseScan() {}

  /** Every {@code table.column} of the tables named like {@code tablePattern} that holds {@code text}. */
  public static List<String> tablesHolding(JdbcTemplate jdbc, String tablePattern, String text) {
    List<String> found = new ArrayList<>();
    List<String> tables = jdbc.queryForList(
        "select table_name from information_schema.tables where upper(table_name) like ? escape '\\'"
            + " and upper(table_schema) not in ('INFORMATION_SCHEMA', 'PG_CATALOG')",
        String.class, tablePattern);
    for (String table : tables) {
      jdbc.query("select * from \"" + table + "\"", (java.sql.ResultSet row) -> {
        var meta = row.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = row.getObject(i);
          String content =
              value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                  : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
                  : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                  : String.valueOf(value);
          if (content.contains(text)) {
            found.add(table + "." + meta.getColumnName(i));
          }
        }
      });
    }
    return found;
  }
}
