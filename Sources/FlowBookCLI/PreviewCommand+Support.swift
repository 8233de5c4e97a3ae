import FlyingSocks
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension PreviewCommand {
  /// Runs async `body` from this synchronous command and waits for its result.
  static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: Result<T, any Error>?
    Task {
      do { result = .success(try await body()) } catch { result = .failure(error) }
      done.signal()
    }
    done.wait()
    return try result!.get()
  }

  /// Whether starting the server failed because the port is taken.
  static func isAddressInUse(_ error: any Error) -> Bool {
    if case .failed(_, let number, _) = error as? SocketError { return number == EADDRINUSE }
    return false
  }

  /// Opens `url` in the desktop's browser, detached; a missing `xdg-open` is only reported.
  static func openBrowser(_ url: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["xdg-open", url]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch {
      FileHandle.standardError.write(Data("flowbook: cannot open a browser (\(error)); open \(url) yourself\n".utf8))
    }
  }
}
