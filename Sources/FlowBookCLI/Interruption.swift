import Dispatch
import Foundation
import Notebook

/// Stops a build cleanly on Ctrl-C (SIGINT) or `kill` (SIGTERM): every compiler and chapter program is
/// killed with its process group, the half-written report is dropped, and `output/` keeps the previous one.
enum Interruption {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// Installs the handlers; `cleanUp` removes this build's temporary folders.
  static func install(cleanUp: @escaping @Sendable () -> Void) {
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        RunningChildren.shared.killAll()
        cleanUp()
        FileHandle.standardError.write(Data("\nflowbook: interrupted; output/ keeps the previous report\n".utf8))
        exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
