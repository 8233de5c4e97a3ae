import Foundation

/// Where the FlowBook library that cells link against lives, and how to call `swiftc` on it.
public struct Toolchain: Sendable {
  /// Folder with `libFlowBookKit.so`, `Modules/` and the modules' object files `<Module>.build/`
  /// (the SwiftPM build folder holding the running `flowbook` binary).
  public var libraryDirectory: String
  /// The package's `Sources/`, for the C shims' module maps and the library modules' imports.
  public var sourcesDirectory: String

  /// A toolchain from explicit folders (tests; normally `current()`).
  public init(libraryDirectory: String, sourcesDirectory: String) {
    self.libraryDirectory = libraryDirectory
    self.sourcesDirectory = sourcesDirectory
  }

  /// The toolchain of the running `flowbook` binary, found from its own location.
  public static func current() -> Toolchain {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return Toolchain(
      libraryDirectory: executable.deletingLastPathComponent().path, sourcesDirectory: sources.path)
  }

  /// The FlowBook project folder (the parent of `Sources/`); include paths resolve against it.
  public var projectRoot: String {
    URL(fileURLWithPath: sourcesDirectory).deletingLastPathComponent().path
  }

  /// The first line of `swiftc --version`, e.g. `Swift version 6.3.1 (swift-6.3.1-RELEASE)`.
  ///
  /// Remembered beside the library under the compiler binaries' paths, sizes and modification times (`swiftc` on
  /// `PATH`, the driver it links to, the `swift-frontend` beside it), so an unchanged compiler is not started on
  /// every build, nor for every new book; a changed one is asked again.
  public func compilerVersion() throws -> String {
    try FileStampMemo(directory: fingerprintDirectory).value(named: "swiftc-version", for: compilerBinaries) {
      let outcome = try ChildProcess.run(["swiftc", "--version"])
      guard outcome.exitCode == 0, let line = outcome.standardOutput.split(separator: "\n").first else {
        throw ExecutionError.launchFailed(reason: "swiftc --version failed: \(outcome.standardError)")
      }
      return String(line)
    }
  }

  /// The compiler's binaries whose stamps stand for it in what is remembered about it (`FileStampMemo`): `swiftc` on
  /// `PATH`, the driver it links to and the `swift-frontend` beside it.
  var compilerBinaries: [String] {
    guard let swiftc = Self.swiftcOnPath() else { return ["no swiftc on PATH"] }
    let driver = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath()
    let frontend = driver.deletingLastPathComponent().appendingPathComponent("swift-frontend")
    return [swiftc, driver.path, frontend.resolvingSymlinksInPath().path]
  }

  /// Where facts about the library and compiler are remembered between runs (`FileStampMemo`).
  var fingerprintDirectory: String { libraryDirectory + "/.flowbook-fingerprints" }

  /// The first `swiftc` on `PATH`.
  private static func swiftcOnPath() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
    return path.split(separator: ":").map({ $0 + "/swiftc" }).first(where: FileManager.default.isExecutableFile)
  }

  /// Arguments for `swiftc` that compile `sources` (one of them `main.swift`) into `executable` against FlowBookKit.
  ///
  /// `-Onone`: cells mostly call into the prebuilt, optimised library, and an unoptimised cell compiles
  /// faster (see README, "Command line"). `-gline-tables-only`: a trap's crash report names the chapter line
  /// (through `#sourceLocation`) without full debug information to compile; left out when `mapsTrapLines` is off.
  /// `-use-ld=lld` where the toolchain has lld: see `linksWithLLD`.
  func compileArguments(sources: [String], executable: String) -> [String] {
    // One frontend job for the program's files (`-wmo`): in batch mode each job loads the library's modules and
    // parses every file again, for about a fifth more CPU and a slower compile.
    var arguments = ["swiftc", "-Onone", "-wmo"] + (Self.mapsTrapLines ? ["-gline-tables-only"] : [])
    if Self.linksWithLLD { arguments.append("-use-ld=lld") }
    arguments += ["-swift-version", "5", "-diagnostic-style=llvm"]
    arguments += sources + ["-o", executable]
    arguments += ["-I", libraryDirectory + "/Modules", "-L", libraryDirectory, "-lFlowBookKit"]
    arguments += ["-Xlinker", "-rpath", "-Xlinker", libraryDirectory]
    for shim in systemLibraryShims { arguments += ["-I", sourcesDirectory + "/" + shim] }
    return arguments
  }

  /// Whether cells compile with line tables and run with the runtime's backtracer, so a trap names its exact
  /// line (the default). `FLOWBOOK_TRAP_LINES=off` turns both off, only to measure what they cost
  /// (`scripts/bench-trap-lines.py`); a trap then names its cell's first line.
  static let mapsTrapLines = ProcessInfo.processInfo.environment["FLOWBOOK_TRAP_LINES"] != "off"

  /// Whether the toolchain ships `ld.lld` beside `swiftc` (Swift's Linux toolchains do). lld links a chapter
  /// program against `libFlowBookKit.so` in about half the CPU time of the system's default gold, which was a
  /// third of each chapter's compile.
  static let linksWithLLD: Bool = {
    guard let swiftc = swiftcOnPath() else { return false }
    let folder = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
    return FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("ld.lld").path)
  }()

  /// The `Sources/` folders that hold a C module map (CCairo, CBLAS, …), which library modules import.
  var systemLibraryShims: [String] {
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: sourcesDirectory)) ?? []
    return folders.sorted().filter {
      FileManager.default.fileExists(atPath: "\(sourcesDirectory)/\($0)/module.modulemap")
    }
  }
}
