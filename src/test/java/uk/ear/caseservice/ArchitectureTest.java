package uk.ear.caseservice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shape a newcomer can walk: packages by feature with no cycles between them (shared settings
 * and identity helpers in {@code shared}), and Camunda's engine internals ({@code
 * org.camunda.bpm.engine.impl}) used only by the few classes that must, which keeps a move to a
 * maintained Camunda 7 fork cheap. A new class that needs the internals is added here on purpose.
 */
class ArchitectureTest {

  static final JavaClasses SERVICE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // the Operaton build's test classes are in target/operaton/test-classes
          .withImportOption(location -> !location.contains("/test-classes/"))
          .importPackages("uk.ear.caseservice");

  /** The classes allowed to touch engine internals, and why they must. */
  static final Set<String> ENGINE_INTERNALS =
      Set.of(
          "demo.DemoIdentities", // saves the demo users past the password policy
          "engine.LeanHistory", // the engine's database history handler, less some rows
          "engine.AuthorizationQueryPlans", // a MyBatis interceptor on the engine's statements
          "engine.AuthorizedGroupsLookup", // maps one of the engine's statements to its own
          "engine.ModelHooksPlugin", // a BPMN parse listener
          "engine.TeamQueueQueries", // the engine's authorization manager, for a team's queue
          "integrity.CommandRules", // reads what a command was asked (engine command classes)
          "integrity.EngineCommandGuard", // a command interceptor
          "policy.EngineClock", // the engine's clock (ClockUtil)
          "process.CaseFormListener", // who completes a task (the engine's authentication)
          "closure.ClosureRequestDelegate", // who starts a closure request
          "process.ManagersMayAssign", // grants inside the engine's command
          "process.ServiceCommands", // runs without authorization inside a command
          "security.AdminPasswordGuard", // compares stored password hashes
          "security.CamundaIdentityAuthenticationProvider", // the same, for service accounts
          "security.EarAuthorizationProvider", // the engine's default authorizations
          "security.IdentityHardening", // an engine plugin for identity
          "security.SecurityAudit", // the engine's authentication of a refused call
          "security.SecurityConfiguration", // the engine's password manager
          "security.TemporaryLockIdentityProvider"); // the engine's identity provider

  @Test
  void packagesDoNotDependOnEachOtherInCircles() {
    slices().matching("uk.ear.caseservice.(*)..").should().beFreeOfCycles().check(SERVICE);
  }

  @Test
  void onlyTheListedClassesUseTheEnginesInternals() {
    noClasses()
        .that(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are not listed in ENGINE_INTERNALS",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    !ENGINE_INTERNALS.contains(
                        c.getName().replace("uk.ear.caseservice.", "").replaceAll("\\$.*", ""))))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl..")
        .check(SERVICE);
  }

  /**
   * Spring Data derives a query from a method's name as a JPA criteria query, built again on every
   * call, and Hibernate 6.6 keys its plan cache on the criteria object, so it translates it to SQL
   * every time: 280 µs against 65 µs for the same lookup as JPQL (docs/performance.md). Every
   * query a repository declares is therefore written out.
   */
  @Test
  void repositoryQueriesAreWrittenOutNotDerivedFromTheirNames() {
    methods()
        .that()
        .areDeclaredInClassesThat()
        .areAssignableTo(org.springframework.data.repository.Repository.class)
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage("uk.ear.caseservice..")
        .should()
        .beAnnotatedWith(org.springframework.data.jpa.repository.Query.class)
        .check(SERVICE);
  }
}
