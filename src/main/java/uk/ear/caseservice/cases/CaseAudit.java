package uk.ear.caseservice.cases;

import jakarta.persistence.*;
import java.time.Instant;

/** One line of the data-protection audit trail: who read or changed which case. */
@Entity
@Table(name = "ear_case_audit")
public class CaseAudit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_ref", nullable = false)
  private String caseRef;

  @Column(nullable = false)
  private String username;

  @Column(nullable = false)
  private String action;

  @Column(nullable = false)
  private Instant at;

  protected CaseAudit() {}

  public CaseAudit(String caseRef, String username, String action, Instant at) {
    this.caseRef = caseRef;
    this.username = username;
    this.action = action;
    this.at = at;
  }

  public String getCaseRef() { return caseRef; }
  public String getUsername() { return username; }
  public String getAction() { return action; }
  public Instant getAt() { return at; }
}
