package uk.ear.bench;

final class OutageTest {
  private final Options options;

  OutageTest(Options options) {
    this.options = options;
  }

  int run() throws Exception {
    throw new UnsupportedOperationException("not yet");
  }
}
