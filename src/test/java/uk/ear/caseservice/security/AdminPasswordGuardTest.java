package uk.ear.caseservice.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AdminPasswordGuardTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"admin", "demo", "DEMO", "camunda", "short-pw", "Admin"})
  void refusesDefaultOrWeakPasswords(String password) {
    assertThatThrownBy(() -> AdminPasswordGuard.check("admin", password))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("EAR_ADMIN_PASSWORD");
  }

  @Test
  void refusesThePasswordBeingTheUserIdEvenWhenLong() {
    assertThatThrownBy(() -> AdminPasswordGuard.check("ear-administrator", "ear-administrator"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptsAStrongPassword() {
    assertThatCode(() -> AdminPasswordGuard.check("admin", "correct-horse-battery-staple"))
        .doesNotThrowAnyException();
  }
}
