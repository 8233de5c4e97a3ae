import Dispatch
import Foundation
import Notebook

/// Stops a build cleanly on Ctrl-C (SIGINT) or `kill` (SIGTERM): every compiler and chapter program is
/// killed with its process group, the half-written report is dropped, and `output/` keeps the previous one.
enum Interruption {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
  nonisolated(unsafe) private static var interrupted = false
  nonisolated(unsafe) private static var currentCleanUp: (@Sendable () -> Void)?
  /// Held by the handler from the signal until exit, and around the swap of `output/`, so an interrupted
  /// build never swaps in a half-finished report, and a swap under way completes first.
  private static let lock = NSLock()

  /// Installs the handlers once per process; `cleanUp` removes this build's temporary folders and replaces
  /// the previous build's (a preview builds many times). Handlers are never reinstalled: cancelling a signal
  /// source can leave the signal ignored with no handler, and Ctrl-C would then do nothing.
  static func install(cleanUp: @escaping @Sendable () -> Void) {
    lock.withLock { currentCleanUp = cleanUp }
    guard sources.isEmpty else { return }
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        lock.lock()
        interrupted = true
        RunningChildren.shared.killAll()
        currentCleanUp?()
        FileHandle.standardError.write(Data("\nflowbook: interrupted; output/ keeps the previous report\n".utf8))
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }

  /// Whether a signal arrived; work still finishing afterwards is not reported.
  static var isInterrupted: Bool { lock.withLock { interrupted } }

  /// Runs `body` unless the build was interrupted; an interruption during `body` waits for it.
  static func unlessInterrupted(_ body: () throws -> Void) rethrows {
    lock.lock()
    defer { lock.unlock() }
    try body()
  }
}
