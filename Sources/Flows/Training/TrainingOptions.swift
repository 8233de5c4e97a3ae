/// How to train a flow by minibatch maximum likelihood; the defaults are the canonical run.
public struct TrainingOptions: Codable, Equatable, Sendable {
  /// Number of optimisation steps.
  public var steps: Int = 3000
  /// Points per minibatch.
  public var batchSize: Int = 512
  /// Adam's base learning rate.
  public var learningRate: Float = 1e-3
  /// How the learning rate changes over the run.
  public var schedule: LearningRateSchedule = .constant
  /// If set, gradients are rescaled to at most this global L2 norm before each update.
  public var clipNorm: Float? = nil
  /// Record train and held-out log-likelihood every this many steps (and after the last step).
  public var evaluationInterval: Int = 100
  /// Size of the held-out set used for the training curves.
  public var heldOutSize: Int = 4096
  /// Size of the fresh test set for the final test NLL.
  public var testSize: Int = 20_000
  /// If set, train on this many points drawn once (minibatches resampled from them); otherwise fresh samples every step.
  public var trainingSetSize: Int? = nil
  /// Seeds the data stream, held-out and test sets (the flow's initialisation has its own seed).
  public var seed: UInt64 = 0
  /// If set, wall-clock seconds for the whole run (evaluations included): the number of steps is planned
  /// from the measured pace instead of `steps`, so the schedule completes in time.
  public var timeBudget: Double? = nil
  /// If set, the decay d of an exponential moving average of the parameters (Polyak averaging, e.g. 0.999);
  /// the trained flow holds the average.
  public var averageDecay: Float? = nil

  /// The canonical options: 3000 steps, batch 512, Adam lr 1e-3 constant, fresh samples, seed 0.
  public init() {}

  /// Throws `FlowError.invalidConfiguration` naming the first value out of range.
  public func validate() throws {
    func check(_ condition: Bool, _ message: String) throws {
      if !condition { throw FlowError.invalidConfiguration(message) }
    }
    try check(steps >= 1, "steps must be ≥ 1, got \(steps)")
    try check(
      batchSize >= 2 && batchSize <= 1 << 16, "batch size must be in 2…65536, got \(batchSize)")
    try check(
      learningRate.isFinite && learningRate > 0,
      "learning rate must be a positive number, got \(learningRate)")
    try check(
      clipNorm.map { $0.isFinite && $0 > 0 } ?? true,
      "clip norm must be positive, got \(clipNorm ?? 0)")
    try check(evaluationInterval >= 1, "evaluation interval must be ≥ 1, got \(evaluationInterval)")
    try check(heldOutSize >= 1 && testSize >= 1, "held-out and test sets need at least one point")
    try check(trainingSetSize.map { $0 >= 1 } ?? true, "training set size must be ≥ 1")
    try check(
      timeBudget.map { $0.isFinite && $0 > 0 && $0 <= 1e6 } ?? true,
      "time budget must be a positive number of seconds, got \(timeBudget ?? 0)")
    try check(
      averageDecay.map { $0 > 0 && $0 < 1 } ?? true,
      "average decay must be in (0, 1), got \(averageDecay ?? 0)")
  }
}

/// One point of the training curves.
public struct TrainingRecord: Codable, Equatable, Sendable {
  /// Number of steps taken so far.
  public var step: Int
  /// Mean minibatch log-likelihood (nats per point) over the steps since the previous record.
  public var trainLogLikelihood: Double
  /// Mean log-likelihood (nats per point) of the held-out set after `step` steps.
  public var heldOutLogLikelihood: Double
  /// Wall-clock seconds since training began (evaluation included).
  public var seconds: Double
}

/// What a training run produced, besides the trained flow itself.
public struct TrainingResult: Codable, Equatable, Sendable {
  /// The training curves, every `evaluationInterval` steps.
  public var records: [TrainingRecord]
  /// The minibatch loss (mean negative log-likelihood) of every step.
  public var losses: [Float]
  /// Mean negative log-likelihood in nats on `testSize` fresh samples.
  public var testNLL: Double
  /// The standard error s/√n of `testNLL` from the spread of −log p(x) over the test points: its Monte-Carlo
  /// error as an estimate of the expected NLL.
  public var testNLLStandardError: Double
  /// Median wall-clock milliseconds of one optimisation step (forward, backward, update).
  public var millisecondsPerStep: Double
  /// Median thread CPU milliseconds of one optimisation step (less affected by other work on the machine).
  public var cpuMillisecondsPerStep: Double
  /// Total wall-clock seconds of the run, evaluation included.
  public var seconds: Double
  /// Steps taken.
  public var steps: Int
  /// Steps first planned for a time budget (after the calibration steps); `steps` without one.
  public var plannedSteps: Int
}

/// Reported to a progress callback during training.
public struct TrainingProgress: Sendable {
  /// Steps done and steps in total.
  public var step: Int, steps: Int
  /// The latest minibatch loss.
  public var loss: Float
  /// Seconds elapsed and estimated seconds remaining.
  public var elapsed: Double, remaining: Double
}
