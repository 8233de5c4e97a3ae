import Foundation
import Testing

@testable import Notebook

@Suite struct ChildProcessTests {
  @Test func outputIsStreamedAndExitCodeKept() throws {
    var chunks = Data()
    let outcome = try ChildProcess.run(
      ["sh", "-c", "printf 'a\\nb'; echo oops >&2; exit 3"], onOutput: { chunks += $0 })
    #expect(outcome.exitCode == 3)
    #expect(outcome.signal == nil)
    #expect(String(decoding: chunks, as: UTF8.self) == "a\nb")
    #expect(outcome.standardOutput == "a\nb")
    #expect(outcome.standardError == "oops\n")
  }

  @Test func stoppingKillsTheWholeProcessGroup() throws {
    let started = Date()
    // The shell's background child holds the output pipe open: only killing the group ends the run.
    let outcome = try ChildProcess.run(
      ["sh", "-c", "sleep 30 & echo started; wait"], shouldStop: { Date().timeIntervalSince(started) > 0.3 })
    #expect(outcome.wasStopped)
    #expect(outcome.signal == SIGKILL)
    #expect(outcome.standardOutput == "started\n")
  }

  @Test func standardInputIsEmpty() throws {
    let outcome = try ChildProcess.run(["sh", "-c", "cat; echo done"])
    #expect(outcome.standardOutput == "done\n")
  }

  @Test func environmentAndWorkingDirectoryAreApplied() throws {
    let outcome = try ChildProcess.run(
      ["sh", "-c", "echo $FLOWBOOK_TEST_VALUE; pwd"], environment: ["FLOWBOOK_TEST_VALUE": "seen"],
      workingDirectory: "/")
    #expect(outcome.standardOutput == "seen\n/\n")
  }
}
