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
    /// Median wall-clock milliseconds per step of each engine.
    public var plainMillisecondsPerStep: Double, autodiffMillisecondsPerStep: Double
    /// Median thread CPU milliseconds per step of each engine (less affected by other work on the machine).
    public var plainCPUMillisecondsPerStep: Double, autodiffCPUMillisecondsPerStep: Double
    /// Median thread CPU milliseconds of the plain engine's BLAS calls alone (`Flow.blasCalls`), run after
    /// each step on scratch matrices of the same shapes.
    public var blasCPUMillisecondsPerStep: Double
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
      flow: flow, optimiser: FusedAdam(for: flow), rows: options.batchSize)
    var optimizer = Adam(parameters: reference.parameters, learningRate: options.learningRate)
    var plain: [Float] = []
    var autodiff: [Float] = []
    let replay = BLASReplay(flow.blasCalls(rows: options.batchSize))
    var blasTimes: [Timing] = []
    var plainTimes: [Timing] = []
    var autodiffTimes: [Timing] = []
    for (step, batch) in batches.enumerated() {
      var plainBatch = batch
      if perturbingOneInput && step == 0 { plainBatch.values[0] = plainBatch.values[0].nextUp }
      let learningRate = options.schedule.learningRate(
        base: options.learningRate, step: step, steps: steps)
      plainTimes.append(
        try Timing.of {
          plain.append(try stepper.run(plainBatch, learningRate: learningRate, step: step + 1))
        })
      blasTimes.append(Timing.of { replay.run() })
      autodiffTimes.append(
        Timing.of {
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
      plainMillisecondsPerStep: median(plainTimes.map(\.wall)),
      autodiffMillisecondsPerStep: median(autodiffTimes.map(\.wall)),
      plainCPUMillisecondsPerStep: median(plainTimes.map(\.cpu)),
      autodiffCPUMillisecondsPerStep: median(autodiffTimes.map(\.cpu)),
      blasCPUMillisecondsPerStep: median(blasTimes.map(\.cpu)))
  }
}
