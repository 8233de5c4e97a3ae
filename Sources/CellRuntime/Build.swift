import CellProtocol
import Foundation

/// The settings of the `flowbook build` that runs the chapter: parameters, profile and seed.
///
/// ```swift
/// let steps = Build.parameter("steps", default: Build.profile == .quick ? 50 : 500)
/// ```
public enum Build {
  /// How thoroughly a chapter should work: `--quick` for fast drafts, `--full` (the default) for the report.
  public typealias Profile = CellProtocol.Profile

  /// Environment variables the engine sets for the chapter program.
  typealias Variable = CellProtocol.Variable

  /// A folder where the chapters of a build share results, e.g. trained models: what one chapter stores
  /// there, the chapters after it (or running beside it) may load instead of computing again.
  ///
  /// The engine gives each combination of library build, compiler, profile, seed and the parameters the book's
  /// shared source reads its own folder (`<book>/.flowbook-cache/shared/<fingerprint>`), so nothing made by an
  /// older library or other settings is ever read; `flowbook clean` removes it. A parameter read only by cells
  /// keeps the folder: name what you store by the values it depends on (`TrainedFlowCache` does). Chapters running in parallel share it too: lock what
  /// you write (`TrainedFlowCache` does). Outside `flowbook build`, a fresh folder of this process.
  public static var sharedDirectory: String {
    if let folder = environment(Variable.sharedDirectory) { return folder }
    let folder = NSTemporaryDirectory() + "/flowbook-shared-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The profile chosen on the command line (`--quick` or `--full`).
  public static var profile: Profile {
    environment(Variable.profile).flatMap(Profile.init(rawValue:)) ?? .full
  }

  /// The seed given with `--seed` (0 by default); seed every random generator from it.
  public static var seed: UInt64 {
    environment(Variable.seed).flatMap { UInt64($0) } ?? 0
  }

  /// Every parameter given with `-P key=value`.
  public static var parameters: [String: String] {
    noteRead("*")
    return given
  }

  /// Parameters the engine was told this program read, with the file that read them, so each is reported once.
  nonisolated(unsafe) private static var reported: Set<[String]> = []

  /// Tells the engine the chapter read parameter `name` in `file`: its cached results stay valid while the
  /// parameters it read keep their values, those the book's shared source reads key `sharedDirectory`, and a
  /// `-P` no chapter reads is a warning.
  static func noteRead(_ name: String, file: String = "") {
    // A memo running now keeps the read, to report it again whenever its stored value is used instead.
    for call in runningMemos { call.reads.insert([name, file]) }
    guard reported.insert([name, file]).inserted else { return }
    emit(.parameterRead, ["name": name, "file": file])
  }

  private static var given: [String: String] {
    var parameters: [String: String] = [:]
    for line in (environment(Variable.parameters) ?? "").split(separator: "\n") {
      guard let equals = line.firstIndex(of: "=") else { continue }
      parameters[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return parameters
  }

  /// The parameter `name` given with `-P name=value`, or `fallback` when not given.
  ///
  /// A value that is not a `T` stops the cell with a message naming the parameter, at the caller's
  /// chapter line (`file` and `line` default to it).
  public static func parameter<T: LosslessStringConvertible>(
    _ name: String, default fallback: T, file: StaticString = #filePath, line: UInt = #line
  ) -> T {
    noteRead(name, file: "\(file)")
    guard let text = given[name] else { return fallback }
    guard let value = T(text) else {
      fatalError(
        "build parameter \(name)=\(text) is not a valid \(T.self) (flowbook build -P \(name)=…)", file: (file),
        line: line)
    }
    return value
  }

  private static func environment(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name]
  }
}
