package uk.ear.caseservice.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda's default authorizations for new resources, narrowed so that only {@code camunda-admin}
 * changes users, groups, filters, authorizations and deployments:
 *
 * <ul>
 *   <li>a new user may READ and UPDATE (profile, password) itself, not DELETE it (Camunda: ALL);
 *   <li>a new filter's owner may READ it (Camunda: ALL).
 * </ul>
 *
 * Group members keep READ on their group; nobody but {@code camunda-admin} has CREATE on
 * deployments, authorizations, users, groups or filters (no grant for it is ever made).
 */
public class EarAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newUser(User user) {
    return new AuthorizationEntity[] {
      createGrantAuthorization(user.getId(), null, USER, user.getId(), READ, UPDATE)
    };
  }

  @Override
  public AuthorizationEntity[] newFilter(Filter filter) {
    if (filter.getOwner() == null) {
      return null;
    }
    return new AuthorizationEntity[] {
      createGrantAuthorization(filter.getOwner(), null, FILTER, filter.getId(), READ)
    };
  }
}
