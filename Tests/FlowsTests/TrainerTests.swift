import Testing

@testable import Flows

@Suite struct TrainerTests {
  static func smallOptions(steps: Int = 60) -> TrainingOptions {
    var options = TrainingOptions()
    options.steps = steps
    options.batchSize = 64
    options.learningRate = 5e-3
    options.evaluationInterval = 20
    options.heldOutSize = 256
    options.testSize = 512
    return options
  }

  @Test func trainingImprovesTheHeldOutLikelihoodAndRecordsCurves() throws {
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 16), seed: 0)
    let before = flow.negativeLogLikelihood(ToyDataset.moons.sample(512, seed: 77))
    let result = try Trainer(options: Self.smallOptions()).train(flow, on: .moons)
    #expect(result.records.map(\.step) == [20, 40, 60])
    #expect(result.losses.count == 60)
    #expect(result.testNLL < before - 0.3)
    #expect(result.records.last!.heldOutLogLikelihood > result.records.first!.heldOutLogLikelihood)
  }

  @Test func trainingIsDeterministicBySeed() throws {
    let runs = try (0..<2).map { _ in
      try Trainer(options: Self.smallOptions(steps: 10)).train(
        try Flow(FlowConfiguration(couplings: 2, hidden: 8), seed: 4), on: .checkerboard)
    }
    #expect(runs[0].losses == runs[1].losses)
    #expect(runs[0].testNLL == runs[1].testNLL)
  }

  @Test func aDivergingLearningRateStopsWithTheStep() throws {
    var options = Self.smallOptions(steps: 200)
    options.learningRate = 1e6
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 16, actNorm: true), seed: 0)
    #expect {
      _ = try Trainer(options: options).train(flow, on: .moons)
    } throws: { error in
      guard case .nonFinite(let step, _) = error as? FlowError else { return false }
      return step > 1 && step <= 200
    }
  }

  @Test func invalidOptionsAreRejected() throws {
    var options = Self.smallOptions()
    options.learningRate = -1
    let flow = try Flow(FlowConfiguration(couplings: 2, hidden: 4))
    #expect(throws: FlowError.self) { try Trainer(options: options).train(flow, on: .moons) }
  }

  /// Four points, drawn again and again: the flow learns them, and fresh points look far less likely.
  @Test func aSmallFixedTrainingSetIsOverfitted() throws {
    var options = Self.smallOptions(steps: 60)
    options.trainingSetSize = 4
    let result = try Trainer(options: options).train(
      try Flow(FlowConfiguration(couplings: 2, hidden: 8)), on: .rings)
    let finalTrainingLoss = Double(result.losses.suffix(10).reduce(0, +)) / 10
    #expect(result.testNLL > finalTrainingLoss + 2, "test NLL \(result.testNLL), training loss \(finalTrainingLoss)")
  }

  /// Clipping changes the gradients Adam's moments average over steps, so it changes the run after step 1.
  @Test(arguments: [FlowEngine.piecewise, .autodiff])
  func clipNormReachesTheTrainingSteps(engine: FlowEngine) throws {
    var options = Self.smallOptions(steps: 5)
    let flow = { try Flow(FlowConfiguration(couplings: 2, hidden: 16), engine: engine) }
    let plain = try Trainer(options: options).train(try flow(), on: .moons)
    options.clipNorm = 1e-3
    let clipped = try Trainer(options: options).train(try flow(), on: .moons)
    #expect(clipped.losses.first == plain.losses.first)
    #expect(clipped.losses.last != plain.losses.last)
  }

  @Test func cosineScheduleDecaysFromTheBaseRateToZero() {
    let schedule = LearningRateSchedule.cosine
    #expect(schedule.learningRate(base: 2e-3, step: 0, steps: 100) == 2e-3)
    #expect(abs(schedule.learningRate(base: 2e-3, step: 50, steps: 100) - 1e-3) < 1e-9)
    #expect(schedule.learningRate(base: 2e-3, step: 99, steps: 100) < 1e-6)
    #expect(LearningRateSchedule.constant.learningRate(base: 1e-3, step: 99, steps: 100) == 1e-3)
  }
}
