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

  @Test func returnsWhenTheProgramExitsThoughADetachedProcessHoldsItsOutput() throws {
    // `setsid` moves the sleeper out of the process group, as Foundation's `Process` does with a cell's
    // children; it inherits the output pipe, which stays open after the shell exits.
    // The shell waits until the sleeper really has its own session (field 6 of /proc/PID/stat), so the
    // test does not race `setsid` against the cleanup of the shell's process group.
    let script = """
      setsid sleep 20 & p=$!
      while [ "$(cut -d' ' -f6 /proc/$p/stat)" = "$(cut -d' ' -f6 /proc/$$/stat)" ]; do sleep 0.01; done
      echo $p
      """
    let outcome = try ChildProcess.run(["sh", "-c", script])
    let sleeper = try #require(pid_t(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
    defer { kill(sleeper, SIGKILL) }
    #expect(outcome.exitCode == 0)
    // Still alive (not gone, nor a zombie nobody reaped): `run` did not wait for it.
    let stat = try String(contentsOfFile: "/proc/\(sleeper)/stat", encoding: .utf8)
    #expect(stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).first != "Z", "\(stat)")
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
