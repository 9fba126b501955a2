package uk.ear.bench;

final class Benchmark {
  private final Options options;

  Benchmark(Options options) {
    this.options = options;
  }

  int run() throws Exception {
    throw new UnsupportedOperationException("not yet");
  }
}
