import Foundation

/// Whether the slow end-to-end tests run: with `FLOWBOOK_SLOW_TESTS=1`, as `make test-slow` and CI (`.ci/run`) set
/// it. They build the course's own chapters or the whole gallery again and again, so `make test` skips them (its
/// output lists them as skipped) to stay quick.
public let slowTestsEnabled = ProcessInfo.processInfo.environment["FLOWBOOK_SLOW_TESTS"] == "1"
