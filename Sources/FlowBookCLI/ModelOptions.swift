import ArgumentParser
import Flows

/// The flow and training options shared by `train`, `verify` and `bench flows`.
struct ModelOptions: ParsableArguments {
  @Option(help: "Toy dataset: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", ")).")
  var dataset = "checkerboard"

  @Option(help: "Number of optimisation steps.")
  var steps = 3000

  @Option(help: "Seed of the initialisation and the data stream.")
  var seed: UInt64 = 0

  @Option(help: "Number of affine couplings (even, ≥ 2).")
  var layers = 8

  @Option(help: "Width of the conditioner's two hidden layers.")
  var hidden = 128

  @Option(help: "Minibatch size.")
  var batch = 512

  @Option(help: "Adam learning rate.")
  var lr: Float = 1e-3

  @Option(
    help:
      "Learning-rate schedule: cosine (decay to 0 over the run) or constant (the issue's canonical recipe)."
  )
  var schedule = "cosine"

  @Option(help: "Clip the global gradient norm to this value.")
  var clip: Float?

  @Option(help: "Record train and held-out log-likelihood every this many steps.")
  var evalEvery = 100

  @Flag(
    inversion: .prefixedNo,
    help:
      "Zero-initialise the conditioners' last layers so the flow starts as the identity (--no-zero-init: PyTorch's default init)."
  )
  var zeroInit = true

  @Option(
    help:
      "Conditioner engine: piecewise (exact piecewise-linear evaluation, fastest; 2-D data) or dense (one sgemm per product, rounds exactly like the autodiff engine)."
  )
  var engine = "piecewise"

  @Flag(help: "Add an ActNorm layer before each coupling.")
  var actnorm = false

  @Flag(help: "Add an LU-parameterised invertible linear layer before each coupling.")
  var lu = false

  func toyDataset() throws -> ToyDataset {
    do { return try ToyDataset(named: dataset) } catch { throw UserError("\(error)") }
  }

  func flowConfiguration() -> FlowConfiguration {
    FlowConfiguration(
      couplings: layers, hidden: hidden, actNorm: actnorm, luLinear: lu, zeroInitialised: zeroInit)
  }

  func makeFlow() throws -> Flow {
    guard let flowEngine = FlowEngine(rawValue: engine) else {
      throw UserError("unknown engine '\(engine)'; choose one of: dense, piecewise")
    }
    do {
      let flow = try Flow(flowConfiguration(), seed: seed)
      flow.engine = flowEngine
      return flow
    } catch { throw UserError("\(error)") }
  }

  func trainingOptions() throws -> TrainingOptions {
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
    options.seed = seed
    do { try options.validate() } catch { throw UserError("\(error)") }
    return options
  }
}
