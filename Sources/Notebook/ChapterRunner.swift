import Foundation

/// Runs chapters through the cache: a chapter whose cells, library modules, compiler and build settings are
/// unchanged is taken from `<book>/.flowbook-cache/` without compiling anything; any other is run and stored.
public struct ChapterRunner: Sendable {
  /// Parameters, profile and seed the chapters run with.
  public let settings: BuildSettings
  /// The first line of `swiftc --version`, recorded in `build.json` and part of every cache key.
  public let compilerVersion: String
  private let toolchain: Toolchain
  private let cache: ResultCache
  private let library: LibraryFingerprint

  /// A runner for the book of `settings`, caching in `cacheDirectory`.
  public init(toolchain: Toolchain, settings: BuildSettings, cacheDirectory: String) throws {
    self.toolchain = toolchain
    self.settings = settings
    try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
    self.compilerVersion = try toolchain.compilerVersion(memoFile: cacheDirectory + "/compiler-version")
    self.cache = ResultCache(directory: cacheDirectory)
    self.library = LibraryFingerprint(toolchain: toolchain)
  }

  /// The chapter's results from the cache, or `nil` when it must run.
  public func cachedResult(for chapter: Chapter) -> ExecutedChapter? {
    guard let (run, displays) = cache.lookUp(key(for: chapter), chapter: chapter.file) else { return nil }
    return ExecutedChapter(
      chapter: chapter, results: run.results(for: chapter), displayDirectory: displays, cached: true)
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
      let executor = ChapterExecutor(toolchain: toolchain, settings: settings)
      let run = try executor.run(chapter, in: work, report: report)
      var displays = work + "/displays"
      if run.isReproducible {
        displays = try cache.store(run, displays: displays, key: key, chapter: chapter.file)
      } else {
        // Keep the displays for this build's report only: move them out of the work folder.
        let kept = cache.directory + "/unreproducible/" + chapter.file.replacingOccurrences(of: "/", with: "_")
        try? FileManager.default.removeItem(atPath: kept)
        try FileManager.default.createDirectory(
          atPath: (kept as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: displays, toPath: kept)
        displays = kept
      }
      return ExecutedChapter(chapter: chapter, results: run.results(for: chapter), displayDirectory: displays)
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
    var key = """
      flowbook cache 1
      compiler: \(compilerVersion)
      arguments: \(toolchain.compileArguments(source: "main.swift", executable: "chapter").joined(separator: " "))
      profile: \(settings.profile.rawValue)
      seed: \(settings.seed)
      parameters:
      \(settings.parameterLines)
      library:
      \(library.fingerprint(of: chapter.cells))

      """
    for cell in chapter.cells {
      let options = cell.options
      key += "cell \(cell.index) eval=\(options.eval) error=\(options.expectsError)"
      key += " option-error=\(cell.optionError?.message ?? "")\n\(cell.code)\n"
    }
    return key
  }
}
