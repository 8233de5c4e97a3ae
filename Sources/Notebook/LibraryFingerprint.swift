import CellProtocol
import Foundation

/// Fingerprints of the library modules a chapter compiles against, so a changed library reruns exactly
/// the chapters that depend on it.
///
/// A module's dependencies are the project modules its sources import (transitively); its fingerprint hashes
/// its compiled object files (`<Module>.build/*.o` beside the library), i.e. the code that actually runs; a C shim
/// (`module.modulemap`) is hashed by its files. Where a Swift module's objects are missing, its sources and the
/// whole `libFlowBookKit.so` and `Modules/` stand in, so a result is never stale. Both are remembered beside the
/// library (`.flowbook-fingerprints/`) under a stamp of the files read, as reading and hashing a debug build's
/// objects took a tenth of a second in every `flowbook` run.
final class LibraryFingerprint: @unchecked Sendable {
  private let toolchain: Toolchain
  private let lock = NSLock()
  private var moduleHashes: [String: String] = [:]
  private var importsByModule: [String: Set<String>] = [:]

  private let memo: FileStampMemo

  init(toolchain: Toolchain) {
    self.toolchain = toolchain
    memo = FileStampMemo(directory: toolchain.fingerprintDirectory)
  }

  /// `Module=hash` lines for every project module `sources` import (always `CellRuntime` and what it imports).
  func fingerprint(of sources: [String]) -> String {
    var pending = ["CellRuntime"] + sources.flatMap { Self.imports(in: $0) }
    var modules = Set<String>()
    while let module = pending.popLast() {
      guard isProjectModule(module), modules.insert(module).inserted else { continue }
      pending += imports(of: module)
    }
    return modules.sorted().map { "\($0)=\(hash(of: $0))" }.joined(separator: "\n")
  }

  /// An `import X` line. Kept once: a regex literal in a function body is parsed again on every call, which
  /// cost a third of a cached build's CPU.
  nonisolated(unsafe) private static let importLine =
    /\s*(?:@\w+\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)/

  /// Names imported by `import X` lines (with any attributes or import kind) in `source`.
  static func imports(in source: String) -> [String] {
    // Line by line, and only lines that say `import`: a pattern tried at every position of every source (the
    // chapters', the shared source once per chapter, the library's) cost a quarter of a preview rebuild.
    source.split(separator: "\n").compactMap { line in
      guard line.contains("import") else { return nil }
      return line.prefixMatch(of: importLine).map { String($0.1) }
    }
  }

  private func isProjectModule(_ module: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: toolchain.sourcesDirectory + "/" + module, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  private func imports(of module: String) -> Set<String> {
    if let known = lock.withLock({ importsByModule[module] }) { return known }
    let folder = toolchain.sourcesDirectory + "/" + module
    let files = Self.files(in: folder, suffix: ".swift").map { folder + "/" + $0 }
    let names = memo.value(named: module + ".imports", for: files) {
      Set(files.flatMap { Self.imports(in: (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "") })
        .sorted().joined(separator: " ")
    }
    let imports = Set(names.split(separator: " ").map(String.init))
    lock.withLock { importsByModule[module] = imports }
    return imports
  }

  private func hash(of module: String) -> String {
    if let known = lock.withLock({ moduleHashes[module] }) { return known }
    let objects = toolchain.libraryDirectory + "/" + module + ".build"
    var paths = Self.files(in: objects, suffix: ".o").map { objects + "/" + $0 }
    let sources = toolchain.sourcesDirectory + "/" + module
    if paths.isEmpty, FileManager.default.fileExists(atPath: sources + "/module.modulemap") {
      // A C shim (module map and header over a system library): its files are all there is.
      paths = Self.files(in: sources, suffix: "").map { sources + "/" + $0 }
    } else if paths.isEmpty {
      // Not a SwiftPM build folder: hash the sources and the whole library instead.
      paths = Self.files(in: sources, suffix: "").map { sources + "/" + $0 }
      paths.append(toolchain.libraryDirectory + "/libFlowBookKit.so")
      let modules = toolchain.libraryDirectory + "/Modules"
      paths += Self.files(in: modules, suffix: ".swiftmodule").map { modules + "/" + $0 }
    }
    let digest = memo.value(named: module + ".hash", for: paths) {
      var hasher = StableHasher()
      for path in paths {
        hasher.combine(path)
        hasher.combine((try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)) ?? Data())
      }
      return hasher.hexDigest
    }
    lock.withLock { moduleHashes[module] = digest }
    return digest
  }

  private static func files(in folder: String, suffix: String) -> [String] {
    (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
  }
}
