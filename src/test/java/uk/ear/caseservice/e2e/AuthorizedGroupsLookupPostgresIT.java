package uk.ear.caseservice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.ear.caseservice.engine.AuthorizedGroupsLookup;

/**
 * The groups that hold any grant, which every signed-in engine command reads first, come from
 * the group index (engine.AuthorizedGroupsLookup) and are the same groups Camunda's own statement
 * finds: one more group granted is in the list at once, a group without grants never is.
 */
@OnPostgres
class AuthorizedGroupsLookupPostgresIT extends EndToEndTest {

  private static final String GRANTED = "zz-lookup-granted";
  private static final String UNGRANTED = "zz-lookup-ungranted";

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizations;

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void removeGrants() {
    created.forEach(authorizations::deleteAuthorization);
  }

  @Test
  void theGroupsWithGrantsAreCamundasOwnListReadThroughTheIndex() throws SQLException {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(GRANTED);
    grant.setResource(Resources.FILTER);
    grant.setResourceId("zz-lookup-filter");
    grant.addPermission(Permissions.READ);
    created.add(authorizations.saveAuthorization(grant).getId());

    // the engine sends its statement to the index walk
    assertThat(engine.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsLookup.STATEMENT))
        .isEqualTo(AuthorizedGroupsLookup.BY_INDEX);
    List<String> filtered =
        engine.getCommandExecutorTxRequired().execute(context ->
            Context.getCommandContext().getAuthorizationManager()
                .filterAuthenticatedGroupIds(List.of("ear-preston", GRANTED, UNGRANTED)));
    assertThat(filtered).containsExactlyInAnyOrder("ear-preston", GRANTED);
    // and finds every group Camunda's own statement finds, and only those
    List<String> byIndex =
        engine.getCommandExecutorTxRequired().execute(context ->
            Context.getCommandContext().getDbSqlSession().getSqlSession().<String>selectList(AuthorizedGroupsLookup.BY_INDEX));
    Set<String> camundas = groupsWithGrants("SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A");
    assertThat(new TreeSet<>(byIndex)).isEqualTo(camundas).contains(GRANTED, "ear-preston").doesNotContain(UNGRANTED);
    assertThat(byIndex).doesNotHaveDuplicates();
  }

  private Set<String> groupsWithGrants(String sql) throws SQLException {
    try (Connection c = engine.getDataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      Set<String> groups = new TreeSet<>();
      while (r.next()) {
        if (r.getString(1) != null) {
          groups.add(r.getString(1));
        }
      }
      return groups;
    }
  }
}
