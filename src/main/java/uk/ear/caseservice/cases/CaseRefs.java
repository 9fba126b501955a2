package uk.ear.caseservice.cases;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/** Case references like {@code EAR-2026-000123}, numbered from a database sequence. */
@Component
public class CaseRefs {

  private static final String SEQUENCE = "ear_case_seq";
  private static final Pattern SHAPE = Pattern.compile("(?i)EAR-\\d{4}-\\d{6}");

  @PersistenceContext private EntityManager em;

  /** The next case id from the sequence, in the database's own dialect. */
  public long nextId() {
    String sql =
        em.unwrap(Session.class)
            .getSessionFactory()
            .unwrap(SessionFactoryImplementor.class)
            .getJdbcServices()
            .getDialect()
            .getSequenceSupport()
            .getSequenceNextValString(SEQUENCE);
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }

  public String format(int year, long id) {
    return String.format("EAR-%d-%06d", year, id);
  }

  /** Whether {@code text} has the shape of a case reference (any letter case). */
  public static boolean looksLikeCaseRef(String text) {
    return SHAPE.matcher(text).matches();
  }
}
