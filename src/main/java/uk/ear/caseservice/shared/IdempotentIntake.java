package uk.ear.caseservice.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an outside system's message is taken in once (a police call, a hospital admission): a
 * retry with the same reference gets the first answer; a new one is created in one transaction;
 * concurrent posts of one reference collide on its unique constraint, and the losers answer like
 * the winner. The reference check and the conflict on other content are the caller's {@code known}.
 *
 * <p>A database outage on the way (503 with Retry-After, {@code DatabaseUnavailable}) leaves
 * nothing half-written: the case, its process and its audit commit together or roll back
 * together, and nothing after that commit touches the database, so no 503 follows a committed
 * write. The one ambiguous outcome is a commit whose answer is lost with the connection: the
 * client cannot know whether it went through, is told 503, and retries with the same reference,
 * which answers 200 with the first answer if it did and creates it (201) if it did not. An outage
 * is no {@link ConcurrencyFailureException}: it is not retried here.
 */
public final class IdempotentIntake {

  private static final Logger log = LoggerFactory.getLogger(IdempotentIntake.class);
  /** Concurrent posts of one reference: the losers wait for the winner and answer like it. */
  private static final int ATTEMPTS = 5;

  private IdempotentIntake() {}

  /** What receiving gave: {@code created} is false for a retry of a known message. */
  public record Received<R>(R receipt, boolean created) {}

  public static <R> Received<R> receive(
      TransactionTemplate tx, String what, Supplier<Optional<R>> known, Supplier<R> create) {
    RuntimeException lastFailure = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<R> before = tx.execute(s -> known.get());
      if (before != null && before.isPresent()) {
        return new Received<>(before.get(), false);
      }
      try {
        return new Received<>(Objects.requireNonNull(tx.execute(s -> create.get())), true);
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        // another post of the same reference (or a message for the same case) committed first
        lastFailure = e;
        log.info("intake of {} collided with a concurrent post, attempt {}", what, attempt);
      }
    }
    throw lastFailure;
  }
}
