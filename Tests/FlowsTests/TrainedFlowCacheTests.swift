import Foundation
import Testing
import _TestSupport

@testable import Flows

@Suite struct TrainedFlowCacheTests {
  /// Counts the training runs a cache starts (training reports progress at its last step, at least).
  final class TrainingCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private var failed = 0
    var runs: Int { lock.withLock { finished } }
    var failures: Int { lock.withLock { failed } }
    func observe(_ update: TrainingProgress) {
      if update.step == update.steps { lock.withLock { finished += 1 } }
    }
    func recordFailure() { lock.withLock { failed += 1 } }
  }

  static let configuration = FlowConfiguration(couplings: 2, hidden: 8, zeroInitialised: true)

  static func options(seed: UInt64 = 0) -> TrainingOptions {
    var options = TrainingOptions()
    options.steps = 10
    options.batchSize = 32
    options.evaluationInterval = 5
    options.heldOutSize = 64
    options.testSize = 128
    options.seed = seed
    return options
  }

  func flow(
    _ cache: TrainedFlowCache, _ counter: TrainingCounter, options: TrainingOptions = options(), seed: UInt64 = 3
  ) throws -> (flow: Flow, result: TrainingResult) {
    try cache.flow(
      on: .moons, configuration: Self.configuration, options: options, seed: seed, engine: .piecewise,
      progress: counter.observe)
  }

  @Test func theSecondRequestLoadsTheTrainedFlowInsteadOfTraining() throws {
    let folder = try TemporaryDirectory()
    let cache = TrainedFlowCache(directory: folder.path + "/flows")
    let counter = TrainingCounter()
    let trained = try flow(cache, counter)
    let loaded = try flow(cache, counter)
    #expect(counter.runs == 1)
    #expect(loaded.result == trained.result)
    #expect(loaded.flow.engine == .piecewise)
    #expect(loaded.flow.parameters.map(\.value.array) == trained.flow.parameters.map(\.value.array))
  }

  @Test func aDifferentSeedOrOptionIsADifferentEntry() throws {
    let folder = try TemporaryDirectory()
    let cache = TrainedFlowCache(directory: folder.path)
    let counter = TrainingCounter()
    _ = try flow(cache, counter)
    _ = try flow(cache, counter, seed: 4)
    _ = try flow(cache, counter, options: Self.options(seed: 1))
    #expect(counter.runs == 3)
  }

  @Test func aCorruptEntryIsTrainedAgain() throws {
    let folder = try TemporaryDirectory()
    let cache = TrainedFlowCache(directory: folder.path)
    let counter = TrainingCounter()
    let trained = try flow(cache, counter)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    let flowFile = try #require(files.first { $0.hasSuffix(".flow") })
    let truncated = Data("{\"format\": \"flowbook-flow\", \"vers".utf8)
    try truncated.write(to: URL(fileURLWithPath: folder.path + "/" + flowFile))
    let retrained = try flow(cache, counter)
    #expect(counter.runs == 2)
    #expect(retrained.flow.parameters.map(\.value.array) == trained.flow.parameters.map(\.value.array))
    _ = try flow(cache, counter)
    #expect(counter.runs == 2)
  }

  @Test func twoConcurrentRequestsTrainOnce() throws {
    let folder = try TemporaryDirectory()
    let cache = TrainedFlowCache(directory: folder.path)
    let counter = TrainingCounter()
    DispatchQueue.concurrentPerform(iterations: 2) { _ in
      if (try? flow(cache, counter)) == nil { counter.recordFailure() }
    }
    #expect(counter.failures == 0)
    #expect(counter.runs == 1)
  }

  @Test func theFNV1aHashMatchesTheSpecificationsTestVectors() {
    #expect(TrainedFlowCache.fnv1a(Data()) == 0xcbf2_9ce4_8422_2325)
    #expect(TrainedFlowCache.fnv1a(Data("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
    #expect(TrainedFlowCache.fnv1a(Data("foobar".utf8)) == 0x8594_4171_f739_67e8)
  }

  /// The recipe as its sorted-keys JSON: equal for equal inputs built separately, different after any one change.
  static func recipe(
    dataset: ToyDataset = .moons, configuration: FlowConfiguration = configuration,
    options: TrainingOptions = options(), seed: UInt64 = 3, engine: FlowEngine = .dense
  ) throws -> Data {
    try TrainedFlowCache.recipe(
      dataset: dataset, configuration: configuration, options: options, seed: seed, engine: engine)
  }

  @Test func theKeyChangesExactlyWhenTheRecipeDoes() throws {
    let base = try Self.recipe()
    #expect(try Self.recipe() == base)
    var longer = Self.options()
    longer.steps += 1
    var clipped = Self.options()
    clipped.clipNorm = 1
    var fixedSet = Self.options()
    fixedSet.trainingSetSize = 100
    let changed = [
      try Self.recipe(dataset: .checkerboard),
      try Self.recipe(configuration: FlowConfiguration(couplings: 2, hidden: 9, zeroInitialised: true)),
      try Self.recipe(options: longer), try Self.recipe(options: clipped), try Self.recipe(options: fixedSet),
      try Self.recipe(seed: 4), try Self.recipe(engine: .piecewise),
    ]
    let hashes = Set(([base] + changed).map(TrainedFlowCache.fnv1a))
    #expect(hashes.count == changed.count + 1)
    let text = String(decoding: base, as: UTF8.self)
    let keys = ["\"configuration\":", "\"dataset\":\"moons\"", "\"engine\":", "\"options\":", "\"seed\":3"]
    let positions = try keys.map { key in try #require(text.range(of: key), "\(key) in \(text)").lowerBound }
    #expect(positions == positions.sorted(), "keys not sorted: \(text)")
  }

  @Test func anEntryIsNamedByTheDatasetAndTheHashOfItsRecipe() throws {
    let folder = try TemporaryDirectory()
    let cache = TrainedFlowCache(directory: folder.path)
    let counter = TrainingCounter()
    _ = try flow(cache, counter)
    let recipe = try Self.recipe(engine: .piecewise)
    let stem = "moons-" + String(TrainedFlowCache.fnv1a(recipe), radix: 16)
    let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    #expect(files.isSuperset(of: [stem + ".flow", stem + ".json", stem + ".recipe"]), "\(files)")
    #expect(FileManager.default.contents(atPath: folder.path + "/" + stem + ".recipe") == recipe)
  }

  @Test func twoRecipesKeepTwoEntries() throws {
    let folder = try TemporaryDirectory()
    let cache = TrainedFlowCache(directory: folder.path)
    let counter = TrainingCounter()
    _ = try flow(cache, counter)
    _ = try flow(cache, counter, seed: 4)
    _ = try flow(cache, counter)
    _ = try flow(cache, counter, seed: 4)
    #expect(counter.runs == 2)
  }
}
