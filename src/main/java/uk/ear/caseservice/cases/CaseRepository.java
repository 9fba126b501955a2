package uk.ear.caseservice.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseRepository extends JpaRepository<CaseRecord, Long> {

  @Query("select c from CaseRecord c where c.caseRef = :caseRef")
  Optional<CaseRecord> findByCaseRef(@Param("caseRef") String caseRef);

  /** Which of {@code refs} are references of cases. */
  @Query("select c.caseRef from CaseRecord c where c.caseRef in :refs")
  java.util.Set<String> caseRefsAmong(@Param("refs") java.util.Collection<String> refs);

  /** Every case, open or closed, with a subject of this (normalised) name and date of birth. */
  @Query(
      """
      select distinct c from CaseRecord c
      where exists (select 1 from Subject s where s.caseRecord = c
                    and s.matchName = :matchName and s.dateOfBirth = :dateOfBirth)
      order by c.openedAt
      """)
  List<CaseRecord> findAllWithSubject(
      @Param("matchName") String matchName, @Param("dateOfBirth") LocalDate dateOfBirth);

  /** The references of cases closed before {@code before}, not erased, not on legal hold. */
  @Query(
      "select c.caseRef from CaseRecord c where c.closedAt < :before and c.erasedAt is null"
          + " and c.legalHold = false order by c.closedAt")
  List<String> refsToReviewForErasure(@Param("before") java.time.Instant before);

  /** Open cases with a subject of this (normalised) name and date of birth, oldest first. */
  @Query(
      """
      select c from CaseRecord c
      where c.stage not in (uk.ear.caseservice.cases.Stage.CLOSED,
                            uk.ear.caseservice.cases.Stage.REFERRED_OUT)
        and exists (select 1 from Subject s where s.caseRecord = c
                    and s.matchName = :matchName and s.dateOfBirth = :dateOfBirth)
      order by c.openedAt, c.id
      """)
  List<CaseRecord> findOpenCasesWithSubject(
      @Param("matchName") String matchName, @Param("dateOfBirth") LocalDate dateOfBirth);

  @Query("select count(i) > 0 from Incident i where i.caseRecord = :c and i.receivedBy = :user")
  boolean hasIncidentReceivedBy(@Param("c") CaseRecord caseRecord, @Param("user") String user);

  @Query("select count(a) > 0 from Admission a where a.caseRecord = :c and a.receivedBy = :user")
  boolean hasAdmissionReceivedBy(@Param("c") CaseRecord caseRecord, @Param("user") String user);

  /** Everyone named on the case: the people of its calls and its admissions' patients. */
  @Query("select s from Subject s where s.caseRecord = :c order by s.id")
  List<Subject> subjectsOf(@Param("c") CaseRecord caseRecord);

  /**
   * A page of cases for a case list: of {@code teams} (all teams when {@code allTeams}), optionally
   * of one team and one stage; {@code overdue}: still waiting for the response past its deadline,
   * or with an activity open past its due date.
   */
  @Query(
      value =
          """
          select c from CaseRecord c
          where (:allTeams = true or c.team in :teams)
            and (:team is null or c.team = :team)
            and (:stage is null or c.stage = :stage)
            and (:overdue is null
                 or (:overdue = true and ((c.stage = uk.ear.caseservice.cases.Stage.AWAITING_VISIT and c.responseDueAt < :now)
                  or exists (select a from CaseActivity a where a.caseRecord = c
                             and a.status = uk.ear.caseservice.activity.ActivityStatus.OPEN
                             and a.dueAt < :now)))
                 or (:overdue = false and not ((c.stage = uk.ear.caseservice.cases.Stage.AWAITING_VISIT and c.responseDueAt < :now)
                  or exists (select a from CaseActivity a where a.caseRecord = c
                             and a.status = uk.ear.caseservice.activity.ActivityStatus.OPEN
                             and a.dueAt < :now))))
          order by c.openedAt desc, c.id desc
          """)
  org.springframework.data.domain.Page<CaseRecord> list(
      @Param("allTeams") boolean allTeams,
      @Param("teams") java.util.Collection<String> teams,
      @Param("team") String team,
      @Param("stage") Stage stage,
      @Param("overdue") Boolean overdue,
      @Param("now") java.time.Instant now,
      org.springframework.data.domain.Pageable page);

  @Query("select count(c) from CaseRecord c where c.stage = :stage")
  long countByStage(@Param("stage") Stage stage);
}
