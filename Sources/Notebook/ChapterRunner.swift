import CellProtocol
import Foundation

/// Runs chapters through the cache: a chapter whose cells, library modules, compiler and build settings are
/// unchanged is taken from `<book>/.flowbook-cache/` without compiling anything; any other is run and stored.
public struct ChapterRunner: Sendable {
  /// Parameters, profile and seed the chapters run with.
  public let settings: BuildSettings
  /// The first line of `swiftc --version`, recorded in `build.json` and part of every cache key.
  public let compilerVersion: String
  /// `<cache>/shared/<fingerprint>`: where the chapters of this build share results (`Build.sharedDirectory`),
  /// e.g. trained models. The fingerprint covers compiler, profile, seed, the library modules the chapters
  /// import and the parameters the shared source reads (`SharedFolder`), so a chapter never reads what an older
  /// library or other settings made, and a parameter only cells read keeps the folder.
  public var sharedDirectory: String { sharedFolder.path }
  private let sharedFolder: SharedFolder
  private let toolchain: Toolchain
  private let cache: ResultCache
  private let library: LibraryFingerprint
  /// Whether every `memo(…)` of the chapters that run computes its value again (`flowbook build --force`).
  public var recomputesMemos = false

  /// A runner for `chapters` (the book of `settings`), caching in `cacheDirectory`.
  public init(toolchain: Toolchain, settings: BuildSettings, cacheDirectory: String, chapters: [Chapter]) throws {
    self.toolchain = toolchain
    self.settings = settings
    try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
    let compilerVersion = try toolchain.compilerVersion()
    self.compilerVersion = compilerVersion
    self.cache = ResultCache(directory: cacheDirectory)
    let library = LibraryFingerprint(toolchain: toolchain)
    self.library = library
    var hasher = StableHasher()
    hasher.combine(
      Self.settingsKey(compilerVersion: compilerVersion, toolchain: toolchain, settings: settings)
        + library.fingerprint(of: chapters.flatMap(\.sources)))
    sharedFolder = SharedFolder(base: cacheDirectory + "/shared/" + hasher.hexDigest, parameters: settings.parameters)
  }

  /// Records the parameters the shared source read in the chapters that ran (`executed`), so the shared folder
  /// of later builds is keyed on them; call it once every chapter of the build has run.
  public func settleSharedDirectory(after executed: [ExecutedChapter]) {
    let read = executed.filter { !$0.cached }.reduce(into: Set<String>()) { read, chapter in
      read.formUnion(chapter.sharedParametersRead)
      // A cell that read every parameter (`Build.parameters`) may have stored what depends on any of them.
      if chapter.parametersRead.contains("*") { read.insert("*") }
    }
    sharedFolder.settle(read: read, parameters: settings.parameters)
  }

  /// The chapter's results from the cache, or `nil` when it must run.
  public func cachedResult(for chapter: Chapter) -> ExecutedChapter? {
    guard let (run, displays) = cache.lookUp(key(for: chapter), chapter: chapter.file, parameters: settings.parameters)
    else { return nil }
    return run.executed(chapter, displayDirectory: displays, cached: true)
  }

  /// Compiles and runs `chapter`'s cells (ignoring the cache), telling `report` what it is doing.
  public func run(_ chapter: Chapter, report: (ChapterProgress) -> Void) -> ExecutedChapter {
    let key = key(for: chapter)
    let work =
      cache.directory + "/work/" + chapter.file.replacingOccurrences(of: "/", with: "_")
      + "-\(ProcessInfo.processInfo.processIdentifier)"
    defer { try? FileManager.default.removeItem(atPath: work) }
    do {
      try? FileManager.default.removeItem(atPath: work)
      try FileManager.default.createDirectory(atPath: sharedDirectory, withIntermediateDirectories: true)
      var executor = ChapterExecutor(toolchain: toolchain, settings: settings, sharedDirectory: sharedDirectory)
      executor.memoEnvironment = [
        CellProtocol.Variable.memoDirectory: cache.directory + "/memo",
        CellProtocol.Variable.memoKeys: memoKeys(for: chapter).joined(separator: ","),
        CellProtocol.Variable.memoRecompute: recomputesMemos ? "1" : "0",
      ]
      executor.programs = ProgramCache(
        directory: cache.directory + "/programs", chapter: chapter.file, compilerVersion: compilerVersion,
        library: library.fingerprint(of: chapter.sources))
      let run = try executor.run(chapter, in: work, report: report)
      var displays = work + "/displays"
      if run.isReproducible {
        var stored = run
        stored.warnings = nil
        displays = try cache.store(
          stored, displays: displays, key: key, chapter: chapter.file, parameters: settings.parameters)
      } else {
        // Keep the displays for this build's report only: move them out of the work folder.
        let kept = cache.directory + "/unreproducible/" + chapter.file.replacingOccurrences(of: "/", with: "_")
        try? FileManager.default.removeItem(atPath: kept)
        try FileManager.default.createDirectory(
          atPath: (kept as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: displays, toPath: kept)
        displays = kept
      }
      return run.executed(chapter, displayDirectory: displays)
    } catch {
      var run = ChapterRun(cellCount: chapter.cells.count)
      if !run.cells.isEmpty {
        run.cells[0] = .init(status: .error, diagnostics: [.init(severity: "error", text: "\(error)")])
      }
      return ExecutedChapter(chapter: chapter, results: run.results(for: chapter), displayDirectory: work)
    }
  }

  /// Everything the chapter's results depend on, as text: compared in full, never just by hash.
  func key(for chapter: Chapter) -> String {
    var key = commonKey(for: chapter)
    for cell in chapter.cells {
      key += Self.key(of: cell)
    }
    for expression in chapter.inlineExpressions {
      key += "inline \(expression.code)\n"
    }
    return key
  }

  /// The key of each cell's `memo(…)` values, by cell index: a digest of everything a value computed in the cell
  /// can depend on. That is the chapter's key up to and including the cell (not later cells, inline expressions or
  /// prose), with every `-P` parameter's value, since the parameters a memo's closure reads are known only after
  /// it ran.
  func memoKeys(for chapter: Chapter) -> [String] {
    var hasher = StableHasher()
    hasher.combine("memo 1 \(chapter.file)\n\(commonKey(for: chapter))parameters:\n\(settings.parameterLines)\n")
    return chapter.cells.map { cell in
      hasher.combine(Self.key(of: cell))
      return hasher.hexDigest
    }
  }

  /// The part of a chapter's key all its cells share: settings, library, shared source, inputs and exports.
  private func commonKey(for chapter: Chapter) -> String {
    var key = Self.settingsKey(compilerVersion: compilerVersion, toolchain: toolchain, settings: settings)
    key += "library:\n\(library.fingerprint(of: chapter.sources))\n"
    if let shared = chapter.shared {
      key += "shared \(shared.file)\n\(shared.code)\n"
    }
    let inputs = DeclaredInputs.fingerprint(of: chapter, bookDirectory: settings.bookDirectory)
    if !inputs.isEmpty { key += "inputs:\n\(inputs)\n" }
    for exported in chapter.exports {
      key += "export \(exported.file)\n\(exported.code)\n"
    }
    return key
  }

  /// A cell's code and the options that change what it computes, as key text.
  private static func key(of cell: Cell) -> String {
    let options = cell.options
    return "cell \(cell.index) eval=\(options.eval) error=\(options.expectsError) output-lines=\(options.outputLines)"
      + " memory=\(options.memory ?? 0) option-error=\(cell.optionError?.message ?? "")\n\(cell.code)\n"
  }

  /// Compiler, compile arguments, profile, seed and parameters, as key text.
  private static func settingsKey(compilerVersion: String, toolchain: Toolchain, settings: BuildSettings) -> String {
    """
    flowbook cache 2
    compiler: \(compilerVersion)
    arguments: \(toolchain.compileArguments(sources: ["main.swift"], executable: "chapter").joined(separator: " "))
    profile: \(settings.profile.rawValue)
    seed: \(settings.seed)

    """
  }
}

extension Chapter {
  /// The Swift code the chapter's program is made of: the book's shared source and the cells.
  var sources: [String] {
    (shared.map { [$0.code] } ?? []) + exports.map(\.code) + cells.map(\.code)
  }
}
