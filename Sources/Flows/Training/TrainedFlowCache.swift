import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Trains a flow once and reuses it: several chapters (or programs) asking for the same recipe get the same
/// trained flow, and only the first one pays for the training.
///
/// An entry is keyed by the recipe — dataset, configuration, training options, initialisation seed and
/// engine — encoded as JSON with sorted keys and hashed with 64-bit FNV-1a (stable across runs and
/// machines, unlike `Hashable`). It holds `<dataset>-<hash>.flow` (`Flow.save`) and `<dataset>-<hash>.json`
/// (the `TrainingResult`) and the full recipe text, which must match exactly, so a hash collision retrains
/// instead of returning a wrong flow. A file lock per entry makes a second process asking for the same
/// recipe wait and then load, rather than train twice; files are written to a temporary name and renamed,
/// so a killed run never leaves a half-written entry; an unreadable entry is trained again.
///
/// The cache does not know which library build trained a flow: give each build its own `directory` (a
/// FlowBook chapter uses `Build.sharedDirectory`, which changes with the library).
public struct TrainedFlowCache: Sendable {
  /// The folder holding the entries; created on first use.
  public let directory: String

  /// A cache in `directory`.
  public init(directory: String) {
    self.directory = directory
  }

  /// The flow of `configuration` initialised with `seed`, trained on `dataset` with `options` using `engine`,
  /// and its training record: loaded if this recipe was trained before, else trained now and stored.
  ///
  /// `progress` is called only when training runs. The returned flow evaluates with `engine` either way.
  public func flow(
    on dataset: ToyDataset, configuration: FlowConfiguration, options: TrainingOptions, seed: UInt64,
    engine: FlowEngine = .dense, progress: ((TrainingProgress) -> Void)? = nil
  ) throws -> (flow: Flow, result: TrainingResult) {
    let recipe = try Self.recipe(
      dataset: dataset, configuration: configuration, options: options, seed: seed, engine: engine)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let stem = directory + "/\(dataset.rawValue)-" + String(Self.fnv1a(recipe), radix: 16)
    let lock = try FileLock(path: stem + ".lock")
    defer { lock.release() }
    if let stored = load(stem, recipe: recipe, engine: engine) { return stored }
    let flow = try Flow(configuration, seed: seed, engine: engine)
    let result = try Trainer(options: options).train(flow, on: dataset, progress: progress)
    try store(flow, result, recipe: recipe, stem: stem)
    return (flow, result)
  }

  // MARK: - Entries

  /// The stored entry at `stem` if all three files are readable and it was made for exactly `recipe`.
  private func load(_ stem: String, recipe: Data, engine: FlowEngine) -> (
    flow: Flow, result: TrainingResult
  )? {
    guard FileManager.default.contents(atPath: stem + ".recipe") == recipe,
      let data = FileManager.default.contents(atPath: stem + ".json"),
      let result = try? JSONDecoder().decode(TrainingResult.self, from: data),
      let flow = try? Flow.load(from: stem + ".flow", engine: engine)
    else { return nil }
    return (flow, result)
  }

  /// Writes the entry; the recipe file goes last, so an entry is only complete once all its files are.
  private func store(_ flow: Flow, _ result: TrainingResult, recipe: Data, stem: String) throws {
    let temporary = stem + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.removeItem(atPath: stem + ".recipe")
    try flow.save(to: temporary)
    try Self.rename(temporary, to: stem + ".flow")
    try JSONEncoder().encode(result).write(to: URL(fileURLWithPath: temporary))
    try Self.rename(temporary, to: stem + ".json")
    try recipe.write(to: URL(fileURLWithPath: temporary))
    try Self.rename(temporary, to: stem + ".recipe")
  }

  private static func rename(_ source: String, to destination: String) throws {
    guard Glibc.rename(source, destination) == 0 else {
      throw FlowError.unwritableModel(path: destination, reason: String(cString: strerror(errno)))
    }
  }

  // MARK: - Keys

  /// The recipe as canonical JSON (sorted keys): what an entry is made for.
  static func recipe(
    dataset: ToyDataset, configuration: FlowConfiguration, options: TrainingOptions, seed: UInt64,
    engine: FlowEngine
  ) throws -> Data {
    struct Recipe: Encodable {
      var dataset: String
      var configuration: FlowConfiguration
      var options: TrainingOptions
      var seed: UInt64
      var engine: FlowEngine
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return try encoder.encode(
      Recipe(dataset: dataset.rawValue, configuration: configuration, options: options, seed: seed, engine: engine))
  }

  /// 64-bit FNV-1a of `bytes`.
  static func fnv1a(_ bytes: Data) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }
}

/// An exclusive `flock` on a file, held until `release()`; blocks while another process holds it.
private struct FileLock {
  let descriptor: Int32

  init(path: String) throws {
    descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw FlowError.unwritableModel(path: path, reason: String(cString: strerror(errno)))
    }
    while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
  }

  func release() {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
