package uk.ear.bench;

final class CrashTest {
  private final Options options;

  CrashTest(Options options) {
    this.options = options;
  }

  int run() throws Exception {
    throw new UnsupportedOperationException("not yet");
  }
}
