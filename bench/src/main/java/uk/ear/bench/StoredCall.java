package uk.ear.bench;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the database holds for one police call of a reliability run: the case its incident joined,
 * the process instance the case recorded and the first {@code EarlyActionCase} instance with the
 * case's reference as business key, and how many incidents, cases and instances there are of it
 * (exactly one of each when nothing was lost or doubled).
 */
record StoredCall(
    String caseRef, String caseProcessInstanceId, String firstInstanceId, long incidents, long cases, long instances) {

  boolean onceEach() {
    return incidents == 1 && cases == 1 && instances == 1;
  }

  /** Every stored call whose incident reference starts with {@code prefix}, by that reference. */
  static Map<String, StoredCall> byIncidentRef(String database, String prefix) throws SQLException {
    Map<String, StoredCall> stored = new HashMap<>();
    for (var row :
        Pg.rows(
            database,
            "select i.incident_ref, c.case_ref, c.process_instance_id,"
                + " (select count(*) from ear_incident i2 where i2.incident_ref = i.incident_ref),"
                + " (select count(*) from ear_case c2 where c2.case_ref = c.case_ref),"
                + " (select count(*) from act_hi_procinst p where p.business_key_ = c.case_ref and p.proc_def_key_ = 'EarlyActionCase'),"
                + " (select min(p.id_) from act_hi_procinst p where p.business_key_ = c.case_ref and p.proc_def_key_ = 'EarlyActionCase')"
                + " from ear_incident i join ear_case c on c.id = i.case_id where i.incident_ref like '" + prefix + "%'")) {
      stored.put(
          (String) row.get(0),
          new StoredCall(
              String.valueOf(row.get(1)),
              String.valueOf(row.get(2)),
              String.valueOf(row.get(6)),
              ((Number) row.get(3)).longValue(),
              ((Number) row.get(4)).longValue(),
              ((Number) row.get(5)).longValue()));
    }
    return stored;
  }

  /** All cases in the database, and all {@code EarlyActionCase} instances. */
  static long[] casesAndInstances(String database) throws SQLException {
    return new long[] {
      Pg.count(database, "select count(*) from ear_case"),
      Pg.count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'EarlyActionCase'")
    };
  }
}
