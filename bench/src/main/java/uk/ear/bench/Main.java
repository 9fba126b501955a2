package uk.ear.bench;

import java.util.Arrays;

/** {@code java -jar bench/target/ear-bench.jar benchmark|crash|outage [options]}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "benchmark" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int exit =
        switch (command) {
          case "benchmark" -> new Benchmark(Options.parse(rest)).run();
          case "crash" -> new CrashTest(Options.parse(rest)).run();
          case "outage" -> new OutageTest(Options.parse(rest)).run();
          default -> {
            System.err.println("usage: benchmark|crash|outage [--key=value ...]");
            yield 2;
          }
        };
    System.exit(exit);
  }
}
