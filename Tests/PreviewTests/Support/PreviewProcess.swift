import Foundation
import _TestSupport

/// `flowbook preview` running on a test book, on a port the system chose; stopped with SIGINT when released.
final class PreviewProcess {
  let process: Process
  /// The port it serves on.
  private(set) var port: UInt16 = 0
  private let lines = LineCollector()

  /// Starts `flowbook preview --book book --port 0` and waits until it prints its address.
  init(book: String, arguments: [String] = []) throws {
    process = Process()
    process.executableURL = URL(fileURLWithPath: FlowBookBinary.path)
    process.arguments = ["preview", "--book", book, "--port", "0", "--quick"] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let collector = lines
    output.fileHandleForReading.readabilityHandler = { handle in
      let data = handle.availableData
      if !data.isEmpty { collector.append(data) }
    }
    let line = try lines.wait(for: /serving http:\/\/127\.0\.0\.1:(\d+)\//, timeout: 600)
    guard let port = UInt16(line.firstMatch(of: /127\.0\.0\.1:(\d+)/)!.1) else { throw RawHTTP.Failure(line) }
    self.port = port
  }

  /// Everything it printed so far.
  var output: String { lines.text }

  /// The first line it printed containing `text`, waiting for it (the terminal line follows the reload event).
  func line(containing text: String, timeout: Double = 60) throws -> String {
    try lines.wait(for: Regex<Substring>(verbatim: text), timeout: timeout)
  }

  /// Sends Ctrl-C and waits for the process to end; returns its exit status.
  @discardableResult
  func interrupt() -> Int32 {
    if process.isRunning {
      kill(process.processIdentifier, SIGINT)
      process.waitUntilExit()
    }
    return process.terminationStatus
  }

  deinit { interrupt() }
}

/// Output lines of a child, gathered on its pipe's thread and awaited by the test.
final class LineCollector: @unchecked Sendable {
  private let condition = NSCondition()
  private var data = Data()

  func append(_ more: Data) {
    condition.lock()
    data.append(more)
    condition.broadcast()
    condition.unlock()
  }

  var text: String {
    condition.lock()
    defer { condition.unlock() }
    return String(decoding: data, as: UTF8.self)
  }

  /// The first line matching `pattern`, waiting up to `timeout` seconds for it.
  func wait(for pattern: some RegexComponent, timeout: Double) throws -> String {
    let deadline = Date() + timeout
    condition.lock()
    defer { condition.unlock() }
    while true {
      let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
      if let line = lines.first(where: { $0.contains(pattern) }) { return String(line) }
      guard condition.wait(until: deadline) else {
        throw RawHTTP.Failure(
          "no line like \(pattern) within \(Int(timeout)) s; got: \(String(decoding: data, as: UTF8.self).suffix(1500))"
        )
      }
    }
  }
}
