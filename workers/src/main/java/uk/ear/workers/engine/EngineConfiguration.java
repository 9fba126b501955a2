package uk.ear.workers.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import uk.ear.workers.http.HttpClients;
import uk.ear.workers.task.RetryPolicy;
import uk.ear.workers.task.TaskRunner;
import uk.ear.workers.task.TopicHandler;

/** The client, its topic runners, and what shutdown needs. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

  @Bean
  AtomicBoolean workersStopping() {
    return new AtomicBoolean(false);
  }

  @Bean
  List<TaskRunner> taskRunners(
      List<TopicHandler> handlers, RetryPolicy retryPolicy, AtomicBoolean workersStopping) {
    return handlers.stream()
        .map(handler -> new TaskRunner(handler, retryPolicy, workersStopping))
        .toList();
  }

  @Bean
  WorkerClient workerClient(
      EngineProperties engine,
      List<TaskRunner> taskRunners,
      AtomicBoolean workersStopping,
      RestClient.Builder restClients,
      WorkerId workerId) {
    RestClient engineRest =
        restClients
            .clone()
            .requestFactory(HttpClients.requestFactory(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(10)))
            .baseUrl(engine.url())
            .defaultHeaders(headers -> EngineCredentials.apply(engine, headers))
            .build();
    return new WorkerClient(
        engine, workerId.value(), taskRunners, workersStopping, new HeldTasks(engineRest));
  }

  /** This instance's id in the engine's locks, also sent to the case service with every read. */
  @Bean
  WorkerId workerId(EngineProperties engine) {
    return new WorkerId(newWorkerId(engine));
  }

  static String newWorkerId(EngineProperties engine) {
    if (engine.workerId() != null && !engine.workerId().isBlank()) {
      return engine.workerId();
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return "ear-workers-" + host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
