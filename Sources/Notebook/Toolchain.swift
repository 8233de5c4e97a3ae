import Foundation

/// Where the FlowBook library that cells link against lives, and how to call `swiftc` on it.
public struct Toolchain: Sendable {
  /// Folder with `libFlowBookKit.so` and `Modules/` (the folder of the running `flowbook` binary).
  public var libraryDirectory: String
  /// The package's `Sources/`, for the C shims' module maps.
  public var sourcesDirectory: String

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

  /// Arguments for `swiftc` that compile `source` into `executable` against FlowBookKit.
  func compileArguments(source: String, executable: String) -> [String] {
    var arguments = ["swiftc", "-Onone", "-swift-version", "5", "-diagnostic-style=llvm", source, "-o", executable]
    arguments += ["-I", libraryDirectory + "/Modules", "-L", libraryDirectory, "-lFlowBookKit"]
    arguments += ["-Xlinker", "-rpath", "-Xlinker", libraryDirectory]
    for shim in ["CCairo", "CBLAS", "CCmarkGFM"] {
      arguments += ["-I", sourcesDirectory + "/" + shim]
    }
    return arguments
  }
}
