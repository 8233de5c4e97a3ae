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

  /// Trains `flow` in place on `dataset` and returns curves, losses, test NLL and timing.
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
        flow: flow, optimiser: FusedAdam(parameters: flow.parameters), rows: options.batchSize)
    var losses: [Float] = []
    var stepTimes: [Double] = []
    var records: [TrainingRecord] = []
    losses.reserveCapacity(options.steps)
    stepTimes.reserveCapacity(options.steps)
    let start = DispatchTime.now().uptimeNanoseconds
    var sinceRecord = 0.0
    var stepsSinceRecord = 0
    for step in 0..<options.steps {
      let batch =
        trainingSet.map { set in
          set.selecting((0..<options.batchSize).map { _ in stream.index(below: set.count) })
        } ?? dataset.sample(options.batchSize, generator: &stream)
      let learningRate = options.schedule.learningRate(
        base: options.learningRate, step: step, steps: options.steps)
      let before = DispatchTime.now().uptimeNanoseconds
      let loss = try stepper.run(
        batch, learningRate: learningRate, clipNorm: options.clipNorm, step: step + 1)
      let now = DispatchTime.now().uptimeNanoseconds
      stepTimes.append(Double(now - before) / 1e6)
      losses.append(loss)
      sinceRecord -= Double(loss)
      stepsSinceRecord += 1
      let elapsed = Double(now - start) / 1e9
      if (step + 1) % options.evaluationInterval == 0 || step + 1 == options.steps {
        records.append(
          TrainingRecord(
            step: step + 1, trainLogLikelihood: sinceRecord / Double(stepsSinceRecord),
            heldOutLogLikelihood: -flow.negativeLogLikelihood(heldOut), seconds: elapsed))
        sinceRecord = 0
        stepsSinceRecord = 0
      }
      if let progress, (step + 1) % 25 == 0 || step + 1 == options.steps {
        progress(
          TrainingProgress(
            step: step + 1, steps: options.steps, loss: loss, elapsed: elapsed,
            remaining: elapsed / Double(step + 1) * Double(options.steps - step - 1)))
      }
    }
    let test = dataset.sample(options.testSize, seed: options.seed &+ 0x7E57)
    let testNLL = flow.negativeLogLikelihood(test)
    guard testNLL.isFinite else { throw FlowError.nonFinite(step: options.steps, layer: nil) }
    return TrainingResult(
      records: records, losses: losses, testNLL: testNLL,
      millisecondsPerStep: median(stepTimes),
      seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
}

/// The median of a non-empty list.
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
