import CellProtocol
import Foundation

/// The value `compute` returns, computed once and then kept in the book's cache
/// (`.flowbook-cache/memo/`) until something it can depend on changes: knitr's `cache=TRUE`, for one value.
///
/// The stored value is keyed on the chapter's code up to and including the cell that calls `memo` (so
/// editing that cell or an earlier one computes it again, while editing a later cell or the prose does not),
/// the book's shared source and the cells exported from earlier chapters, the files cells declare with
/// `depends`, the library build, the compiler, the profile, the seed, every `-P` parameter, and `name`.
/// `flowbook build --force` computes every memo again. Use it for slow, pure work a cell's later lines
/// only read, such as training runs:
///
/// ```swift
/// let nlls = memo("mask-ablation") { seeds.map { trainedNLL(seed: $0) } }   // [Double]
/// ```
///
/// Only the value is kept: figures, tables, checks and printed text made inside `compute` appear only in
/// builds that run it (show them after the call, from the value). Files `compute` reads that no cell
/// declares with `depends` are not part of the key. A stored value that cannot be read (corrupted,
/// truncated) is computed again, with a build warning at the call's chapter line. Outside `flowbook build`,
/// or in an inline expression (whose code is not part of any cell's key), `compute` simply runs.
public func memo<Value: Codable>(
  _ name: String, file: StaticString = #filePath, line: UInt = #line, _ compute: () throws -> Value
) rethrows -> Value {
  let call = MemoCall(name: name, file: "\(file)", line: Int(line))
  if evaluatingInline { call.warn("memo(\"\(name)\") in an inline expression is not stored: call it in a cell") }
  guard !evaluatingInline, let store = MemoStore(cell: currentCell) else { return try compute() }
  let path = store.path(of: name)
  if !store.recomputes {
    switch MemoEntry<Value>.load(from: path, name: name) {
    case .stored(let entry):
      store.markUsed(path)
      // The parameters `compute` read are still the chapter's reads: its cache entry stays keyed on them.
      for read in entry.reads where read.count == 2 { Build.noteRead(read[0], file: read[1]) }
      return entry.value
    case .missing: break
    case .unreadable(let reason):
      call.warn("memo(\"\(name)\"): the stored value \(path) could not be read (\(reason)); computed again")
    }
  }
  runningMemos.append(call)
  defer { runningMemos.removeLast() }
  let value = try compute()
  do {
    try MemoEntry(name: name, reads: call.reads.sorted { $0.lexicographicallyPrecedes($1) }, value: value)
      .save(to: path)
    store.prune(name)
  } catch {
    call.warn("memo(\"\(name)\"): the value could not be stored in \(path) (\(error)); it is computed again next time")
  }
  return value
}

/// Where the values of the running cell's `memo` calls are kept, from the engine's environment.
struct MemoStore {
  /// `<book>/.flowbook-cache/memo`.
  var directory: String
  /// The digest of everything a value computed in this cell depends on.
  var cellKey: String
  /// Whether every memo computes its value again (`--force`).
  var recomputes: Bool

  /// The store of cell `cell`, or nil outside `flowbook build` (no memo directory or keys given).
  init?(cell: Int) {
    let environment = ProcessInfo.processInfo.environment
    guard let directory = environment[CellProtocol.Variable.memoDirectory], !directory.isEmpty else { return nil }
    let keys = (environment[CellProtocol.Variable.memoKeys] ?? "").split(separator: ",").map(String.init)
    guard keys.indices.contains(cell) else { return nil }
    self.directory = directory
    cellKey = keys[cell]
    recomputes = environment[CellProtocol.Variable.memoRecompute] == "1"
  }

  /// Values kept per memo name: each edit of its cell or an earlier one stores a new value, and the newest few
  /// are kept, so undoing an edit finds its value again while the folder stays small.
  static let keptPerName = 6

  /// The file of the value named `name`: the cell's key and a digest of the name (any text is a valid name).
  func path(of name: String) -> String {
    directory + "/" + cellKey + suffix(of: name)
  }

  private func suffix(of name: String) -> String {
    var hasher = StableHasher()
    hasher.combine(name)
    return "-" + hasher.hexDigest + ".memo"
  }

  /// Marks the value at `path` as just used (its modification time), so pruning keeps it.
  func markUsed(_ path: String) {
    _ = utime(path, nil)
  }

  /// Removes all but the `keptPerName` most recently used values named `name`.
  func prune(_ name: String) {
    let fileManager = FileManager.default
    let suffix = suffix(of: name)
    let stored = ((try? fileManager.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(suffix) }
    guard stored.count > Self.keptPerName else { return }
    let modified = { (file: String) -> Date in
      (try? fileManager.attributesOfItem(atPath: directory + "/" + file)[.modificationDate] as? Date) ?? .distantPast
    }
    for file in stored.sorted(by: { modified($0) > modified($1) }).dropFirst(Self.keptPerName) {
      try? fileManager.removeItem(atPath: directory + "/" + file)
    }
  }
}

/// One `memo` call while its closure runs: the parameters read and whether its author was warned yet.
final class MemoCall {
  let name: String
  let file: String
  let line: Int
  /// `[name, file]` of each `-P` parameter read inside the closure.
  var reads: Set<[String]> = []
  private var warnedAboutDisplays = false

  init(name: String, file: String, line: Int) {
    self.name = name
    self.file = file
    self.line = line
  }

  /// A build warning at the call's chapter line.
  func warn(_ message: String) {
    emit(.warning, ["message": message, "file": file, "line": line])
  }

  /// Warns, once, that something the page shows was made inside the closure: a build that finds the value
  /// stored does not run it, and the page would lose it.
  func noteDisplay() {
    guard !warnedAboutDisplays else { return }
    warnedAboutDisplays = true
    warn(
      "memo(\"\(name)\"): a figure, table, Markdown or check made inside the closure is missing from the page "
        + "whenever the stored value is used; show it after the call")
  }
}

/// The `memo` calls whose closures are running, innermost last.
nonisolated(unsafe) var runningMemos: [MemoCall] = []
