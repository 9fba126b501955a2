package uk.ear.workers.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import uk.ear.workers.task.TaskRunner;

/**
 * The Camunda external task client, started with the application and stopped gracefully: on
 * shutdown new tasks are handed back at once, the task in hand is finished (the client's stop
 * waits for its fetch loop), and whatever this worker id still holds in the engine afterwards is
 * unlocked so another instance can take it straight away instead of waiting for the lock to
 * expire.
 */
public class WorkerClient implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WorkerClient.class);

  private final EngineProperties engine;
  private final String workerId;
  private final List<TaskRunner> runners;
  private final AtomicBoolean stopping;
  private final HeldTasks heldTasks;
  private volatile ExternalTaskClient client;

  public WorkerClient(
      EngineProperties engine,
      String workerId,
      List<TaskRunner> runners,
      AtomicBoolean stopping,
      HeldTasks heldTasks) {
    this.engine = engine;
    this.workerId = workerId;
    this.runners = runners;
    this.stopping = stopping;
    this.heldTasks = heldTasks;
  }

  public String workerId() {
    return workerId;
  }

  @Override
  public void start() {
    stopping.set(false);
    long responseTimeout = engine.asyncResponseTimeout().plusSeconds(30).toMillis();
    ExternalTaskClient built =
        ExternalTaskClient.create()
            .baseUrl(engine.url())
            .workerId(workerId)
            .addInterceptor(EngineCredentials.interceptor(engine))
            .maxTasks(engine.maxTasks())
            .usePriority(true)
            .lockDuration(engine.lockDuration().toMillis())
            // long polling: the engine holds the fetch open until a task arrives or this passes
            .asyncResponseTimeout(engine.asyncResponseTimeout().toMillis())
            // no pause after a fetch (long polling waits on the engine); after a failed fetch
            // (engine down, credentials refused) 0.5 s, doubling up to a minute
            .backoffStrategy(new ExponentialErrorBackoffStrategy(500, 2, 60_000))
            .disableAutoFetching()
            .customizeHttpClient(
                http ->
                    http.setDefaultRequestConfig(
                        RequestConfig.custom()
                            .setConnectionRequestTimeout(Timeout.ofSeconds(10))
                            .setResponseTimeout(Timeout.ofMilliseconds(responseTimeout))
                            .build()))
            .build();
    for (TaskRunner runner : runners) {
      built
          .subscribe(runner.handler().topic())
          .variables(runner.handler().variables().toArray(String[]::new))
          .lockDuration(engine.lockDuration().toMillis())
          .handler(runner)
          .open();
    }
    client = built;
    built.start();
    log.info(
        "fetching {} from {} as worker {} (lock {}, long polling {})",
        runners.stream().map(r -> r.handler().topic()).toList(),
        engine.url(),
        workerId,
        engine.lockDuration(),
        engine.asyncResponseTimeout());
  }

  @Override
  public void stop() {
    stopping.set(true);
    ExternalTaskClient current = client;
    if (current == null) {
      return;
    }
    Duration timeout = engine.shutdownTimeout();
    CompletableFuture<Void> stopped = CompletableFuture.runAsync(current::stop);
    try {
      stopped.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn("the task in hand did not finish within {}; unlocking what is left", timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("stopping the client failed: {}", e.getCause().toString());
    }
    unlockHeld();
    client = null;
  }

  /** Hands back every task the engine still sees locked by this worker id. */
  void unlockHeld() {
    try {
      for (HeldTasks.LockedTask task : heldTasks.lockedBy(workerId)) {
        heldTasks.unlock(task.id());
        log.info("unlocked task {} ({}, case {}) on shutdown", task.id(), task.topicName(),
            task.businessKey());
      }
    } catch (RuntimeException e) {
      log.warn("could not unlock held tasks on shutdown ({}); their locks expire after {}",
          e.toString(), engine.lockDuration());
    }
  }

  @Override
  public boolean isRunning() {
    return client != null;
  }

  @Override
  public boolean isAutoStartup() {
    return engine.fetching();
  }

  /** Stops before the mail sender and data source it relies on are gone. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1000;
  }
}
