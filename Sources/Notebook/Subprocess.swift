import Foundation

/// Runs a program to completion and collects its output; a thin wrapper over `Process`.
struct Subprocess {
  var exitCode: Int32
  var standardOutput: String
  var standardError: String

  /// Runs `arguments[0]` (looked up on `PATH`) with the rest as arguments.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], workingDirectory: String? = nil
  ) throws -> Subprocess {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes concurrently so a chatty program cannot fill one and deadlock.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return Subprocess(
      exitCode: process.terminationStatus,
      standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }
}
