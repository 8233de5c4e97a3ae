import Foundation

/// What one build told the preview.
public struct RebuildOutcome: Sendable {
  /// Whether the build succeeded (no unexpectedly failed cell, no book error).
  public var ok: Bool
  /// What failed, for the overlay and the terminal.
  public var failures: [BuildFailure]
  /// The build's warnings, for the pages' warning badge and the terminal.
  public var warnings: [BuildFailure]
  /// Chapter files whose cells ran (were not taken from the cache).
  public var reran: [String]
  /// The files to watch from now on; nil when the book could not be read (the previous list stays).
  public var watch: WatchList?

  /// An outcome; see the properties.
  public init(
    ok: Bool, failures: [BuildFailure] = [], warnings: [BuildFailure] = [], reran: [String] = [], watch: WatchList?
  ) {
    self.ok = ok
    self.failures = failures
    self.warnings = warnings
    self.reran = reran
    self.watch = watch
  }
}

/// The preview's loop: file changes in, debounced rebuilds, reload events out, one terminal line each.
///
/// Changes that arrive within `debounce` seconds of each other make one rebuild; changes that arrive
/// while a rebuild runs make one more after it. Every rebuild sends `building`, then `reload` with the
/// pages of `outputDirectory` whose HTML differs from before the build.
public final class PreviewSession: @unchecked Sendable {
  private let outputDirectory: String
  private let hub: EventHub
  private let debounce: Double
  private let rebuild: @Sendable () -> RebuildOutcome
  private let log: @Sendable (String) -> Void
  /// Runs the rebuilds and guards `pending`, `scheduled` and the watcher, one at a time.
  private let queue = DispatchQueue(label: "flowbook-preview")
  private var pending: Set<String> = []
  private var scheduled: DispatchWorkItem?
  private var watcher: (any FileWatcher)?

  /// A session rebuilding with `rebuild`, announcing on `hub`, printing with `log`; `makeWatcher` makes the
  /// file watcher, given the function to call with changed paths.
  public init(
    outputDirectory: String, hub: EventHub, debounce: Double = 0.1,
    makeWatcher: (@escaping @Sendable ([String]) -> Void) throws -> any FileWatcher,
    rebuild: @escaping @Sendable () -> RebuildOutcome, log: @escaping @Sendable (String) -> Void
  ) rethrows {
    self.outputDirectory = outputDirectory
    self.hub = hub
    self.debounce = debounce
    self.rebuild = rebuild
    self.log = log
    let watcher = try makeWatcher { [weak self] paths in self?.filesChanged(paths) }
    queue.sync { self.watcher = watcher }
  }

  /// Builds now and waits for it (the first build, before the server starts).
  public func buildNow() {
    queue.sync { runRebuild(changed: []) }
  }

  /// Notes changed paths; the rebuild follows once they have settled.
  public func filesChanged(_ paths: [String]) {
    queue.async { [self] in
      pending.formUnion(paths)
      scheduled?.cancel()
      let item = DispatchWorkItem { [weak self] in self?.rebuildPending() }
      scheduled = item
      queue.asyncAfter(deadline: .now() + debounce, execute: item)
    }
  }

  private func rebuildPending() {
    let changed = pending.sorted()
    pending = []
    scheduled = nil
    runRebuild(changed: changed)
  }

  private func runRebuild(changed: [String]) {
    let started = Date()
    hub.rebuildStarted()
    let before = PageSnapshot(of: outputDirectory)
    let outcome = rebuild()
    let pages = PageSnapshot(of: outputDirectory).changedPages(since: before)
    hub.rebuildFinished(
      ReloadMessage(pages: pages, ok: outcome.ok, failures: outcome.failures, warnings: outcome.warnings))
    if let list = outcome.watch { watcher?.watch(list) }
    // The served folder is the book's `output/`.
    let book = (outputDirectory as NSString).deletingLastPathComponent
    log(
      RebuildLine(bookDirectory: book, changed: changed, outcome: outcome, seconds: Date().timeIntervalSince(started))
        .text)
  }
}
