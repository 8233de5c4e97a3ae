import Autodiff
import Foundation

/// Minibatch maximum-likelihood training of a `Flow` on a toy dataset with Adam.
///
/// The loss is the Monte-Carlo estimate of the expected negative log-likelihood,
/// `L = −(1/N) Σ_i [log N(f(x_i); 0, I) + logDet(x_i)]`; its gradient comes from the layers' hand-derived
/// backward passes (the plain-arrays engine, checked against autodiff in the tests), so a step is
/// essentially `sgemm` calls on buffers allocated before the first step; a flow built with
/// `engine: .autodiff` takes them from the recorded autodiff graph instead (`AutodiffTrainingStep`).
public struct Trainer {
  /// The options of this run.
  public let options: TrainingOptions

  /// A trainer; `options.validate()` runs in `train`.
  public init(options: TrainingOptions = TrainingOptions()) { self.options = options }

  /// The `testSize` held-out points `train` scores the trained flow on: fresh samples, fixed by the seed.
  public func testSet(of dataset: ToyDataset) -> Batch {
    dataset.sample(options.testSize, seed: options.seed &+ 0x7E57)
  }

  /// Trains `flow` in place on `dataset` and returns curves, losses, test NLL and timing. With
  /// `options.timeBudget`, the number of steps is planned from the measured pace (`StepPlan`), so the
  /// schedule completes within the budget; with `options.averageDecay`, the flow ends with the moving
  /// average of its parameters.
  /// Throws `FlowError.nonFinite` at the first step whose loss is NaN or Inf.
  public func train(
    _ flow: Flow, on dataset: ToyDataset,
    progress: ((TrainingProgress) -> Void)? = nil
  ) throws -> TrainingResult {
    try options.validate()
    guard flow.dimension == 2 else {
      throw FlowError.invalidConfiguration(
        "the toy datasets are 2-D but the flow has dimension \(flow.dimension)")
    }
    var stream = SeededGenerator(seed: options.seed &+ 0x5EED_DA7A)
    let heldOut = dataset.sample(options.heldOutSize, seed: options.seed &+ 0x4E1D)
    let trainingSet = options.trainingSetSize.map {
      dataset.sample($0, seed: options.seed &+ 0x7241_4E)
    }
    let stepper: any FlowTrainingStep =
      flow.engine == .autodiff
      ? AutodiffTrainingStep(flow: flow)
      : TrainingStep(
        flow: flow, optimiser: FusedAdam(for: flow), rows: options.batchSize)
    var plan = StepPlan(options)
    let average = options.averageDecay.map { WeightAverage(parameters: flow.parameters, decay: $0) }
    var losses: [Float] = []
    var stepTimes: [Double] = []
    var stepCPUTimes: [Double] = []
    var records: [TrainingRecord] = []
    let start = DispatchTime.now().uptimeNanoseconds
    func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    var sinceRecord = 0.0
    var stepsSinceRecord = 0
    // The final test evaluation, estimated from the held-out one (each evaluation is timed).
    var finalSeconds = 0.0
    func evaluate() -> Double {
      let before = seconds()
      let logLikelihood = -flow.negativeLogLikelihood(heldOut)
      finalSeconds = (seconds() - before) * Double(options.testSize) / Double(options.heldOutSize)
      return logLikelihood
    }
    var step = 0
    while step < plan.total {
      let batch =
        trainingSet.map { set in
          set.selecting((0..<options.batchSize).map { _ in stream.index(below: set.count) })
        } ?? dataset.sample(options.batchSize, generator: &stream)
      let learningRate = options.schedule.learningRate(
        base: options.learningRate, step: step, steps: plan.total)
      let timing = try Timing.of {
        losses.append(
          try stepper.run(
            batch, learningRate: learningRate, clipNorm: options.clipNorm, step: step + 1))
      }
      average?.update()
      stepTimes.append(timing.wall)
      stepCPUTimes.append(timing.cpu)
      sinceRecord -= Double(losses[step])
      stepsSinceRecord += 1
      step += 1
      if step == StepPlan.calibrationSteps && options.timeBudget != nil { _ = evaluate() }
      plan.update(done: step, elapsed: seconds(), finalSeconds: finalSeconds)
      if step % options.evaluationInterval == 0 || step == plan.total {
        records.append(
          TrainingRecord(
            step: step, trainLogLikelihood: sinceRecord / Double(stepsSinceRecord),
            heldOutLogLikelihood: evaluate(), seconds: seconds()))
        sinceRecord = 0
        stepsSinceRecord = 0
      }
      if let progress, step % 25 == 0 || step == plan.total {
        let elapsed = seconds()
        progress(
          TrainingProgress(
            step: step, steps: plan.total, loss: losses[step - 1], elapsed: elapsed,
            remaining: elapsed / Double(step) * Double(plan.total - step)))
      }
    }
    average?.apply()
    let test = testSet(of: dataset)
    let testLogDensities = flow.logProb(test).map(Double.init)
    let testNLL = -testLogDensities.reduce(0, +) / Double(test.count)
    guard testNLL.isFinite else { throw FlowError.nonFinite(step: step, layer: nil) }
    let testVariance =
      testLogDensities.reduce(0) { $0 + ($1 + testNLL) * ($1 + testNLL) } / Double(max(test.count - 1, 1))
    return TrainingResult(
      records: records, losses: losses, testNLL: testNLL,
      testNLLStandardError: (testVariance / Double(test.count)).squareRoot(),
      millisecondsPerStep: median(stepTimes), cpuMillisecondsPerStep: median(stepCPUTimes),
      seconds: seconds(), steps: step, plannedSteps: plan.firstPlan ?? step)
  }
}

/// The median of a non-empty list.
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
