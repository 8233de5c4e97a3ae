import ArgumentParser
import Flows

/// The flow and training options shared by `train`, `verify` and `bench flows`.
///
/// Numbers are parsed `.unconditional`ly, so `--layers -2` reaches validation and gets its message
/// instead of ArgumentParser's "missing value" (a leading `-` would otherwise read as an option).
struct ModelOptions: ParsableArguments {
  @Option(help: "Toy dataset: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", ")).")
  var dataset = "checkerboard"

  @Option(parsing: .unconditional, help: "Number of optimisation steps.")
  var steps = 3000

  @Option(parsing: .unconditional, help: "Seed of the initialisation and the data stream.")
  var seed: UInt64 = 0

  @Option(
    parsing: .unconditional,
    help:
      "Number of affine couplings (even, ≥ 2); default 8, in `train` the recipe's \(ModelDefaults.recipe.couplings).")
  var layers: Int?

  @Option(
    parsing: .unconditional,
    help:
      "Width of the conditioner's two hidden layers; default 128, in `train` the recipe's \(ModelDefaults.recipe.hidden)."
  )
  var hidden: Int?

  @Option(parsing: .unconditional, help: "Minibatch size.")
  var batch = 512

  @Option(parsing: .unconditional, help: "Adam's (peak) learning rate.")
  var lr: Float = 1e-3

  @Option(
    help:
      "Learning-rate schedule: cosine (decay to 0 over the run) or constant (the issue's canonical recipe)."
  )
  var schedule = "cosine"

  @Option(
    parsing: .unconditional,
    help: "Train for this many wall-clock seconds: the steps are planned from the measured pace (--steps is ignored).")
  var timeBudget: Double?

  @Option(
    parsing: .unconditional,
    help: "End with an exponential moving average of the parameters with this decay (e.g. 0.999).")
  var averageDecay: Float?

  @Option(parsing: .unconditional, help: "Clip the global gradient norm to this value.")
  var clip: Float?

  @Option(parsing: .unconditional, help: "Record train and held-out log-likelihood every this many steps.")
  var evalEvery = 100

  @Option(
    parsing: .unconditional,
    help: "Fresh points the final test NLL is measured on (its standard error falls as 1/√n).")
  var testSize = TrainingOptions().testSize

  @Flag(
    inversion: .prefixedNo,
    help:
      "Zero-initialise the conditioners' last layers so the flow starts as the identity (--no-zero-init: PyTorch's default init)."
  )
  var zeroInit = true

  @Option(
    help:
      "Engine: piecewise (exact piecewise-linear evaluation of 1-input conditioners, fastest; others run dense), dense (one sgemm per product, rounds exactly like autodiff) or autodiff (gradients from the recorded Tensor graph)."
  )
  var engine = "piecewise"

  @Option(help: "How couplings bound their log-scale: \(ScaleBound.allCases.map(\.rawValue).joined(separator: ", ")).")
  var scaleBound = "tanh"

  @Flag(help: "Add an ActNorm layer before each coupling.")
  var actnorm = false

  @Flag(help: "Add an LU-parameterised invertible linear layer before each coupling.")
  var lu = false

  func toyDataset() throws -> ToyDataset {
    do { return try ToyDataset(named: dataset) } catch { throw UserError("\(error)") }
  }

  /// The number of couplings: `--layers`, else the command's default.
  func couplings(_ defaults: ModelDefaults = .plain) -> Int { layers ?? defaults.couplings }

  /// The conditioners' hidden width: `--hidden`, else the command's default.
  func hiddenWidth(_ defaults: ModelDefaults = .plain) -> Int { hidden ?? defaults.hidden }

  func flowConfiguration(_ defaults: ModelDefaults = .plain) throws -> FlowConfiguration {
    guard let bound = ScaleBound(rawValue: scaleBound) else {
      throw UserError(
        "unknown scale bound '\(scaleBound)'; choose one of: \(ScaleBound.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    return FlowConfiguration(
      couplings: couplings(defaults), hidden: hiddenWidth(defaults), actNorm: actnorm, luLinear: lu,
      zeroInitialised: zeroInit,
      scaleBound: bound)
  }

  func flowEngine() throws -> FlowEngine {
    guard let flowEngine = FlowEngine(rawValue: engine) else {
      throw UserError(
        "unknown engine '\(engine)'; choose one of: \(FlowEngine.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return flowEngine
  }

  func makeFlow(_ defaults: ModelDefaults = .plain) throws -> Flow {
    let configuration = try flowConfiguration(defaults)
    let engine = try flowEngine()
    do { return try Flow(configuration, seed: seed, engine: engine) } catch { throw UserError("\(error)") }
  }

  func trainingOptions(_ defaults: ModelDefaults = .plain) throws -> TrainingOptions {
    guard let schedule = LearningRateSchedule(rawValue: schedule) else {
      throw UserError("unknown schedule '\(schedule)'; choose one of: constant, cosine")
    }
    var options = TrainingOptions()
    options.steps = steps
    options.batchSize = batch
    options.learningRate = lr
    options.schedule = schedule
    options.clipNorm = clip
    options.evaluationInterval = evalEvery
    options.testSize = testSize
    options.seed = seed
    options.timeBudget = timeBudget
    options.averageDecay = averageDecay
    do { try options.validate() } catch { throw UserError("\(error)") }
    return options
  }
}

/// What a command uses for the model options its user left out.
struct ModelDefaults {
  /// Affine couplings.
  var couplings: Int
  /// Width of the conditioners' hidden layers.
  var hidden: Int

  /// `verify` and `bench flows`: RealNVP-8x128, as the PyTorch reference runs.
  static let plain = ModelDefaults(couplings: 8, hidden: 128)
  /// `train`: the recipe that reached the lowest held-out NLL in 40 s of training (README, "Better flows in 40
  /// seconds"): narrower conditioners than `plain`, so that more steps fit the time, and more of them.
  static let recipe = ModelDefaults(couplings: 12, hidden: 64)
}
