package uk.ear.caseservice.cases;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * One line of the data-protection audit trail: who read or changed which case, when, through
 * which channel ({@code API}, {@code HANDOVER_PACK}, {@code ENGINE_REST}, {@code TASKLIST},
 * {@code COCKPIT}, {@code SERVICE}) and what (e.g. "task form variables"); a refused read is kept
 * as refused.
 */
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

  private String channel;

  private String detail;

  @Column(nullable = false)
  private boolean refused;

  protected CaseAudit() {}

  /** A change the service made or recorded. */
  public CaseAudit(String caseRef, String username, String action, Instant at) {
    this(caseRef, username, action, at, "SERVICE", null, false);
  }

  public CaseAudit(
      String caseRef,
      String username,
      String action,
      Instant at,
      String channel,
      String detail,
      boolean refused) {
    this.caseRef = caseRef;
    this.username = username;
    this.action = action;
    this.at = at;
    this.channel = channel;
    this.detail = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
    this.refused = refused;
  }

  public String getCaseRef() { return caseRef; }
  public String getUsername() { return username; }
  public String getAction() { return action; }
  public Instant getAt() { return at; }
  public String getChannel() { return channel; }
  public String getDetail() { return detail; }
  public boolean isRefused() { return refused; }
}
