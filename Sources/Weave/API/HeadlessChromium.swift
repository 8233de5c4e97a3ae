import Foundation

/// Chromium run headless on a page of the report, for the PDF export.
///
/// Every run gets a fresh profile folder (so runs can overlap) and a host resolver that resolves
/// nothing, so a page that tried to reach the network would fail visibly instead of fetching.
public struct HeadlessChromium: Sendable {
  /// What one run printed.
  public struct Output: Sendable {
    /// Chromium's exit status (0 when the page was printed or dumped).
    public var exitCode: Int32
    /// What Chromium wrote to standard output.
    public var standardOutput: String
    /// Chromium's log, where console messages and load failures appear.
    public var standardError: String
  }

  /// The browser executable.
  public let executablePath: String

  /// Finds `chromium` (or `chromium-browser`, `google-chrome`) on the `PATH`.
  public init() throws(WeaveError) {
    let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(
      separator: ":")
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for directory in directories
      where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        executablePath = "\(directory)/\(name)"
        return
      }
    }
    throw .chromiumNotFound
  }

  /// Runs the browser headless with `arguments` added to the fixed ones; stops it after `timeout` seconds.
  public func run(_ arguments: [String], timeout: Double = 120) throws(WeaveError) -> Output {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "flowbook-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executablePath)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
        "--host-resolver-rules=MAP * ~NOTFOUND",
      ] + arguments
    let standardOutput = Pipe()
    let standardError = Pipe()
    process.standardOutput = standardOutput
    process.standardError = standardError
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do { try process.run() } catch {
      throw .chromiumFailed(reason: "cannot start \(executablePath): \(error)")
    }
    let output = PipeReader(standardOutput)
    let errors = PipeReader(standardError)
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      finished.wait()
    }
    return Output(
      exitCode: process.terminationStatus, standardOutput: output.text(),
      standardError: errors.text())
  }
}

/// Drains a pipe on a background queue, so a chatty child never blocks on a full pipe.
final class PipeReader: @unchecked Sendable {
  private var data = Data()
  private let group = DispatchGroup()

  init(_ pipe: Pipe) {
    DispatchQueue.global().async(group: group) { [self] in
      data = pipe.fileHandleForReading.readDataToEndOfFile()
    }
  }

  func text() -> String {
    group.wait()
    return String(decoding: data, as: UTF8.self)
  }
}
