package uk.ear.caseservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import uk.ear.caseservice.shared.CurrentUser;

/** Outside the demo a service account cannot use HTTP Basic at all: no password is checked. */
class CamundaIdentityAuthenticationProviderTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);

  @Test
  void outsideTheDemoBasicForAServiceAccountIsRefusedBeforeAnyPasswordCheck() {
    memberOf("police", "police-integration");
    var provider = new CamundaIdentityAuthenticationProvider(identity, mock(PasswordManager.class), false);

    assertThatThrownBy(() -> provider.authenticate(basic("police", "the-right-password")))
        .isInstanceOf(BadCredentialsException.class)
        .hasMessageContaining("X-API-Key");
    verify(identity, never()).checkPassword(anyString(), anyString());
  }

  @Test
  void peopleGoThroughTheEnginesPasswordCheck() {
    memberOf("sw.preston1", "ear-preston");
    when(identity.checkPassword("sw.preston1", "right")).thenReturn(true);
    var provider = new CamundaIdentityAuthenticationProvider(identity, mock(PasswordManager.class), false);

    assertThat(CurrentUser.groupsOf(provider.authenticate(basic("sw.preston1", "right"))))
        .containsExactly("ear-preston");
    verify(identity).checkPassword("sw.preston1", "right");
  }

  @Test
  void apiKeysAreComparedByTheirHash() {
    var keys =
        new ApiKeys(
            new EarSecurityProperties(
                List.of(
                    new EarSecurityProperties.ApiKey("police", ApiKeys.sha256Hex("old-key")),
                    new EarSecurityProperties.ApiKey("police", ApiKeys.sha256Hex("new-key")),
                    new EarSecurityProperties.ApiKey("hospital", " ")),
                10,
                java.time.Duration.ofMinutes(15)));
    assertThat(keys.userOf("old-key")).contains("police");
    assertThat(keys.userOf("new-key")).contains("police");
    assertThat(keys.userOf("other")).isEmpty();
    assertThat(keys.userOf("")).isEmpty();
    assertThat(ApiKeys.sha256Hex("demo-police-key"))
        .isEqualTo("a1239d36e67ba374b8aec6be8caa7a2f8658c99ad4fb3344b4bde18aee7dff4a");
  }

  private void memberOf(String user, String group) {
    Group g = mock(Group.class);
    when(g.getId()).thenReturn(group);
    when(identity.createGroupQuery().groupMember(user).list()).thenReturn(List.of(g));
  }

  private static UsernamePasswordAuthenticationToken basic(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }
}
