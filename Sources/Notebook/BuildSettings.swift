import CellProtocol
import Foundation

/// Everything about a build that changes what cells compute: parameters, profile, seed, default timeout.
public struct BuildSettings: Sendable, Equatable {
  /// `quick` (`--quick`) or `full` (the default); chapters read it as `Build.profile`.
  public typealias Profile = CellProtocol.Profile

  /// The book folder; cells run with it as their working directory.
  public var bookDirectory: String
  /// `-P key=value` parameters; chapters read them with `Build.parameter(_:default:)`.
  public var parameters: [String: String]
  /// The profile chosen with `--quick` or `--full`.
  public var profile: Profile
  /// The seed chapters read as `Build.seed`.
  public var seed: UInt64
  /// Seconds a cell may run when neither it nor its chapter or book sets `timeout`.
  public var defaultTimeout: Double
  /// Bytes a chapter program may use when neither its cell nor its chapter or book sets `memory`: half the
  /// machine's physical memory, so a runaway cell stops before the machine swaps.
  public var defaultMemoryLimit = ProcessInfo.processInfo.physicalMemory / 2

  /// Settings for the book in `bookDirectory`; the rest default to no parameters, `full`, seed 0, 600 s.
  public init(
    bookDirectory: String, parameters: [String: String] = [:], profile: Profile = .full, seed: UInt64 = 0,
    defaultTimeout: Double = 600
  ) {
    self.bookDirectory = bookDirectory
    self.parameters = parameters
    self.profile = profile
    self.seed = seed
    self.defaultTimeout = defaultTimeout
  }

  /// Parses `key=value` texts from the command line; keys are identifiers.
  public static func parameters(from texts: [String]) throws(BookError) -> [String: String] {
    var parameters: [String: String] = [:]
    for text in texts {
      guard let match = text.wholeMatch(of: /([A-Za-z_][A-Za-z0-9_.-]*)=([^\n]*)/) else {
        throw BookError(file: "-P \(text)", "a build parameter reads -P key=value, e.g. -P steps=500")
      }
      parameters[String(match.1)] = String(match.2)
    }
    return parameters
  }

  /// The environment a chapter program runs with (read by `CellRuntime`).
  func environment(displayDirectory: String, sharedDirectory: String) -> [String: String] {
    typealias Variable = CellProtocol.Variable
    var environment = [
      Variable.displayDirectory: displayDirectory,
      Variable.sharedDirectory: sharedDirectory,
      Variable.parameters: parameterLines,
      Variable.profile: profile.rawValue,
      Variable.seed: String(seed),
    ]
    // A trap writes the crashed thread's frames as JSON, so its chapter line can be named (`CrashReport`).
    if Toolchain.mapsTrapLines { environment["SWIFT_BACKTRACE"] = CrashReport.environmentValue }
    // Chapters already run in parallel, one per core, and a forked `error: true` cell must not find
    // BLAS worker threads missing; the user's own choice wins.
    if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil { environment["OPENBLAS_NUM_THREADS"] = "1" }
    return environment
  }

  /// Parameters as sorted `key=value` lines: stable, so they can be part of a cache key.
  var parameterLines: String {
    parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
  }
}
