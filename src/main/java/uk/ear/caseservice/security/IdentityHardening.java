package uk.ear.caseservice.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.ear.caseservice.shared.Teams;

/**
 * The engine's identity settings (process engine plugin, first of all plugins):
 *
 * <ul>
 *   <li>users are checked by {@link TemporaryLockIdentityProvider}: {@code
 *       ear.security.lock-after-attempts} wrong passwords lock a person for {@code
 *       ear.security.lock-duration} (the engine's {@code login-max-attempts} is set from it);
 *   <li>new resources get {@link EarAuthorizationProvider}'s narrower default authorizations;
 *   <li>{@code camunda-admin} is an administrators' group of the engine, also on Operaton;
 *   <li>the configured administrator ({@code camunda.bpm.admin-user}) is created here, before
 *       Camunda's starter would, without the engine's password policy ({@code
 *       enable-password-policy}): the demo's {@code demo} would fail it, and outside the demo
 *       {@link AdminPasswordGuard} has already required 12+ characters, not a default. Passwords set
 *       later (Admin, Tasklist profile, REST) follow the policy.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentityHardening extends AbstractProcessEnginePlugin {

  private final EarSecurityProperties security;
  private final CamundaBpmProperties camunda;

  public IdentityHardening(EarSecurityProperties security, CamundaBpmProperties camunda) {
    this.security = security;
    this.camunda = camunda;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        new TemporaryLockIdentityProvider.Factory(security.lockDuration()));
    configuration.setLoginMaxAttempts(security.lockAfterAttempts());
    configuration.setResourceAuthorizationProvider(new EarAuthorizationProvider());
    // administrators are camunda-admin on either engine (Operaton's own group is operaton-admin)
    java.util.List<String> adminGroups =
        new java.util.ArrayList<>(configuration.getAdminGroups() == null ? java.util.List.of() : configuration.getAdminGroups());
    if (!adminGroups.contains(Teams.ADMIN_GROUP)) {
      adminGroups.add(Teams.ADMIN_GROUP);
      configuration.setAdminGroups(adminGroups);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AdminUserProperty admin = camunda.getAdminUser();
    if (admin == null || admin.getId() == null || admin.getId().isBlank()) {
      return;
    }
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(admin.getId()).count() == 0) {
      createAdministrator(engine, admin);
    }
    // the engine's own administrators' group too (camunda-admin on Camunda, operaton-admin on
    // Operaton): its webapps offer "create an administrator" to anybody while it has no member,
    // also on a database an engine of the other kind created
    String engineAdmins = Groups.CAMUNDA_ADMIN;
    if (identity.createGroupQuery().groupId(engineAdmins).count() == 0) {
      Group group = identity.newGroup(engineAdmins);
      group.setName("Administrators");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(admin.getId()).memberOfGroup(engineAdmins).count() == 0) {
      identity.createMembership(admin.getId(), engineAdmins);
    }
  }

  private static void createAdministrator(ProcessEngine engine, AdminUserProperty admin) {
    IdentityService identity = engine.getIdentityService();
    // as Camunda's CreateAdminUserConfiguration does, which then finds the user and does nothing
    User user = identity.newUser(admin.getId());
    user.setFirstName(admin.getFirstName());
    user.setLastName(admin.getLastName());
    user.setEmail(admin.getEmail());
    user.setPassword(admin.getPassword());
    ((IdentityServiceImpl) identity).saveUser(user, true);
    if (identity.createGroupQuery().groupId(Teams.ADMIN_GROUP).count() == 0) {
      Group group = identity.newGroup(Teams.ADMIN_GROUP);
      group.setName("camunda BPM Administrators");
      group.setType("SYSTEM");
      identity.saveGroup(group);
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Resources resource : Resources.values()) {
      boolean granted =
          authorizations
                  .createAuthorizationQuery()
                  .groupIdIn(Teams.ADMIN_GROUP)
                  .resourceType(resource)
                  .resourceId(Authorization.ANY)
                  .count()
              > 0;
      if (!granted) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Teams.ADMIN_GROUP);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
    identity.createMembership(admin.getId(), Teams.ADMIN_GROUP);
  }
}
