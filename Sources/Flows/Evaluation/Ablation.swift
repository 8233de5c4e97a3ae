/// One row of an ablation table: a flow variant trained on a dataset.
public struct AblationResult: Sendable {
  /// A short label such as `"RealNVP + ActNorm"`.
  public var label: String
  /// The flow recipe trained.
  public var configuration: FlowConfiguration
  /// The dataset trained on.
  public var dataset: ToyDataset
  /// Test NLL in nats, wall-clock seconds and median milliseconds per step.
  public var testNLL: Double, seconds: Double, millisecondsPerStep: Double
  /// Number of trainable parameters.
  public var parameterCount: Int
}

/// Trains several flow variants with the same options and seed, for tables such as "with/without ActNorm and LU".
public enum Ablation {
  /// The four variants of the course's table: RealNVP, + ActNorm, + LU linear, + both (from `base`).
  public static func standardVariants(base: FlowConfiguration = .realNVP8x128) -> [(
    String, FlowConfiguration
  )] {
    var actNorm = base
    var lu = base
    var both = base
    actNorm.actNorm = true
    lu.luLinear = true
    both.actNorm = true
    both.luLinear = true
    return [
      ("RealNVP", base), ("RealNVP + ActNorm", actNorm), ("RealNVP + LU", lu),
      ("RealNVP + ActNorm + LU", both),
    ]
  }

  /// Trains every variant on every dataset (flows seeded with `seed`) and returns one result per pair.
  public static func run(
    variants: [(String, FlowConfiguration)], datasets: [ToyDataset], options: TrainingOptions,
    seed: UInt64 = 0
  ) throws -> [AblationResult] {
    try datasets.flatMap { dataset in
      try variants.map { label, configuration in
        let flow = try Flow(configuration, seed: seed)
        let result = try Trainer(options: options).train(flow, on: dataset)
        return AblationResult(
          label: label, configuration: configuration, dataset: dataset, testNLL: result.testNLL,
          seconds: result.seconds, millisecondsPerStep: result.millisecondsPerStep,
          parameterCount: flow.parameterCount)
      }
    }
  }
}
