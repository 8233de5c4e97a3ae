import NeuralNet

/// Trains a `Flow` and its `AutodiffFlow` copy side by side from the same initialisation on the same
/// minibatches, to show the plain-arrays engine computes the same thing (acceptance: same loss curve).
public enum AutodiffTraining {
  /// The two loss curves and the time per step of each engine.
  public struct Comparison: Sendable {
    /// Minibatch losses of the plain-arrays engine.
    public var plainLosses: [Float]
    /// Minibatch losses of the autodiff engine.
    public var autodiffLosses: [Float]
    /// Largest |plain − autodiff| / |autodiff| over the steps.
    public var maxRelativeDifference: Double
    /// The first step (1-based) whose relative difference exceeds 1e-4, if any.
    public var firstStepBeyondTolerance: Int? {
      zip(plainLosses, autodiffLosses).enumerated().first { abs($1.0 - $1.1) > 1e-4 * abs($1.1) }
        .map { $0.offset + 1 }
    }
    /// Median milliseconds per step of each engine.
    public var plainMillisecondsPerStep: Double, autodiffMillisecondsPerStep: Double
  }

  /// Runs `steps` Adam steps (`options`' batch size, learning rate and schedule) with the plain-arrays
  /// engine `engine` and with autodiff. With `perturbingOneInput`, the plain engine's first batch has one
  /// coordinate moved by one unit in the last place: a control showing how far rounding-level differences
  /// alone carry two float32 runs apart over `steps` steps.
  public static func compare(
    configuration: FlowConfiguration, seed: UInt64 = 0, dataset: ToyDataset,
    options: TrainingOptions, steps: Int, engine: FlowEngine = .dense,
    perturbingOneInput: Bool = false
  ) throws -> Comparison {
    let flow = try Flow(configuration, seed: seed, engine: engine)
    var stream = SeededGenerator(seed: options.seed &+ 0x5EED_DA7A)
    let batches = (0..<steps).map { _ in dataset.sample(options.batchSize, generator: &stream) }
    // ActNorm initialises from the first batch; do it before copying so both start equal.
    if configuration.actNorm { _ = flow.forward(batches[0]) }
    let reference = AutodiffFlow(copying: flow)
    let stepper = TrainingStep(
      flow: flow, optimiser: FusedAdam(parameters: flow.parameters), rows: options.batchSize)
    var optimizer = Adam(parameters: reference.parameters, learningRate: options.learningRate)
    var plain: [Float] = []
    var autodiff: [Float] = []
    var plainTimes: [Double] = []
    var autodiffTimes: [Double] = []
    let clock = ContinuousClock()
    for (step, batch) in batches.enumerated() {
      var plainBatch = batch
      if perturbingOneInput && step == 0 { plainBatch.values[0] = plainBatch.values[0].nextUp }
      let learningRate = options.schedule.learningRate(
        base: options.learningRate, step: step, steps: steps)
      plainTimes.append(
        try milliseconds(clock) {
          plain.append(try stepper.run(plainBatch, learningRate: learningRate, step: step + 1))
        })
      autodiffTimes.append(
        try milliseconds(clock) {
          optimizer.zeroGradients()
          let loss = reference.negativeLogLikelihood(
            Tensor(shape: [batch.count, batch.dimension], scalars: batch.values))
          loss.backward()
          optimizer.learningRate = learningRate
          optimizer.step()
          autodiff.append(loss.item)
        })
    }
    let difference =
      zip(plain, autodiff).map { Double(abs($0 - $1)) / max(Double(abs($1)), 1e-12) }.max() ?? 0
    return Comparison(
      plainLosses: plain, autodiffLosses: autodiff, maxRelativeDifference: difference,
      plainMillisecondsPerStep: median(plainTimes),
      autodiffMillisecondsPerStep: median(autodiffTimes))
  }

  private static func milliseconds(_ clock: ContinuousClock, _ body: () throws -> Void) throws
    -> Double
  {
    let start = clock.now
    try body()
    let duration = clock.now - start
    return Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds)
      * 1e-15
  }
}
