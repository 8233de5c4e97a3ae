import ArgumentParser
import Foundation
import Notebook
import Preview

/// `flowbook preview`: builds the book, serves `output/` on loopback, rebuilds on every save and tells the
/// open pages to reload.
///
/// Each rebuild is `flowbook build`'s own (`BuildCommand.build`, same cache), except that a build with a
/// failed cell keeps the last good report in `output/`; the pages show the failures in an overlay.
struct PreviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "preview", abstract: "Serve the report on loopback and rebuild it on every save.")

  @OptionGroup var options: BookOptions

  @Option(name: .long, help: "The first port to try; the next free one is used if it is taken (0: any).")
  var port: UInt16 = 4000

  @Option(name: .long, help: "The address to listen on; only loopback unless given (e.g. 0.0.0.0).")
  var host: String = "127.0.0.1"

  @Flag(name: .long, help: "Open the report in the browser (xdg-open).")
  var open = false

  @Flag(name: .long, help: "Watch files by polling instead of inotify.")
  var poll = false

  func run() throws {
    let folder = try BookFolder(options.book)
    let builder = try BuildCommand.parse(options.arguments(book: folder.path))
    let hub = EventHub()
    let output = folder.outputDirectory
    let session = PreviewSession(
      outputDirectory: output, hub: hub,
      makeWatcher: { onChange in
        if !poll, let watcher = try? InotifyWatcher(onChange: onChange) { return watcher }
        return PollingWatcher(onChange: onChange)
      },
      rebuild: { Self.rebuild(with: builder, in: folder) },
      log: { line in
        print(line)
        fflush(nil)
      })
    session.buildNow()
    let listening = try startServer(root: output, hub: hub)
    let address = host.contains(":") ? "[\(host)]" : host
    print("serving http://\(address):\(listening)/ (Ctrl-C stops)")
    fflush(nil)
    if open { Self.openBrowser("http://\(address):\(listening)/") }
    // The server and the watcher work on their own threads; Ctrl-C ends the process (`Interruption`).
    while true { sleep(3600) }
  }

  /// Starts the server on `port`, or the next free port; returns the port.
  private func startServer(root: String, hub: EventHub) throws -> UInt16 {
    var candidate = port
    while true {
      do {
        let server = try PreviewServer(root: root, host: host, port: candidate, hub: hub)
        return try Self.wait { try await server.start() }
      } catch  where candidate != 0 && candidate < port &+ 100 && Self.isAddressInUse(error) {
        candidate += 1
      }
    }
  }

  /// One rebuild for the preview session.
  private static func rebuild(with builder: BuildCommand, in folder: BookFolder) -> RebuildOutcome {
    let chapters = folder.path + "/chapters"
    do {
      let outcome = try builder.build(showsProgress: false, keepsLastGoodReport: true)
      var failures = outcome.executed.flatMap(\.unexpectedFailures).map { cell, result in
        BuildFailure(
          file: result.error?.file ?? "", line: result.error?.line ?? cell.line,
          message: result.error?.message ?? "the cell failed")
      }
      // A failed check fails `flowbook build` too: its verdict is the student's to see at once.
      for chapter in outcome.executed {
        failures += chapter.failedChecks.map { check, line in
          BuildFailure(file: chapter.chapter.file, line: line, message: "✘ \(check.name): \(check.message)")
        }
      }
      let warnings = outcome.warnings.map { BuildFailure(file: $0.file, line: $0.line, message: $0.message) }
      return RebuildOutcome(
        ok: failures.isEmpty, failures: failures, warnings: warnings,
        reran: outcome.executed.filter { !$0.cached }.map(\.chapter.file),
        watch: watchList(of: outcome.book, chapters: chapters))
    } catch {
      let message = (error as? BuildCommand.BuildFailed)?.message ?? "\(error)"
      // A book that still loads (the error was an unknown label, say) keeps its files watched; one that does not
      // (bad YAML) is watched through its chapters folder, so the fix is seen even when no build ever succeeded.
      let book = try? Book.load(
        from: folder.path, includes: IncludeResolver(projectRoot: Toolchain.current().projectRoot))
      return RebuildOutcome(
        ok: false, failures: [BuildFailure(file: "", line: nil, message: message)],
        watch: book.map { watchList(of: $0, chapters: chapters) } ?? WatchList(folders: [chapters]))
    }
  }

  /// The chapters folder (new chapters, `book.yml`, the shared source), every file an include names, and every
  /// file a cell declares with `depends` (its patterns too, so a new matching file is seen).
  private static func watchList(of book: Book, chapters: String) -> WatchList {
    let includes = IncludeResolver(projectRoot: Toolchain.current().projectRoot, bookRoot: book.directory)
    var files: Set<String> = []
    var patterns: Set<String> = []
    for chapter in book.chapters {
      let path = book.directory + "/" + chapter.file
      files.insert(path)
      let source = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
      files.formUnion(includes.includedFiles(in: source))
      for pattern in Set(chapter.cells.flatMap(\.options.depends)) {
        patterns.insert(book.directory + "/" + pattern)
        files.formUnion(DeclaredInputs.files(matching: pattern, in: book.directory).map { book.directory + "/" + $0 })
      }
    }
    if let shared = book.chapters.first?.shared { files.insert(book.directory + "/" + shared.file) }
    return WatchList(files: files, folders: [chapters], patterns: patterns)
  }
}
