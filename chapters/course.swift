// The course's shared code, compiled into every chapter (`shared: course.swift` in
// book.yml): the training recipe of @sec-training-recipe and the trained flows that
// several chapters use.
import Flows

// region: recipe
/// Couplings per dataset: 8, and 12 for the thin two moons.
let courseCouplings: [ToyDataset: Int] = [.moons: 12, .checkerboard: 8]

/// RealNVP with conditioners 1→128→128→2 whose last layers start at zero.
func courseConfiguration(_ dataset: ToyDataset) -> FlowConfiguration {
  FlowConfiguration(
    couplings: courseCouplings[dataset]!, hidden: 128, zeroInitialised: true)
}

/// Training steps per dataset in this build's profile; `-P moons-steps=…` etc.
/// override them.
let courseSteps: [ToyDataset: Int] = [
  .moons: Build.parameter(
    "moons-steps", default: Build.profile == .quick ? 1000 : 6000),
  .checkerboard: Build.parameter(
    "checkerboard-steps", default: Build.profile == .quick ? 1000 : 15000),
]

/// Adam from 2e-3 with cosine decay, fresh minibatches of 512 (the default size).
func courseOptions(steps: Int) -> TrainingOptions {
  let quick = Build.profile == .quick
  var options = TrainingOptions()
  options.steps = steps
  options.learningRate = 2e-3
  options.schedule = .cosine
  options.seed = Build.seed
  options.evaluationInterval = max(steps / (quick ? 10 : 40), 1)
  // The reported held-out NLL uses 100,000 fresh points: its Monte-Carlo error
  // is about 0.002 nats.
  if quick {
    (options.heldOutSize, options.testSize) = (1_024, 5_000)
  } else {
    options.testSize = 100_000
  }
  return options
}
// endregion

// region: trained-flow
/// The flow trained on `dataset` by the course's recipe, and its training record.
/// The first chapter to ask trains it; the others, even those running at the same
/// time, load it from the build's shared folder.
func trainedFlow(_ dataset: ToyDataset) throws -> (flow: Flow, result: TrainingResult) {
  let cache = TrainedFlowCache(directory: Build.sharedDirectory + "/trained-flows")
  return try cache.flow(
    on: dataset, configuration: courseConfiguration(dataset),
    options: courseOptions(steps: courseSteps[dataset]!), seed: Build.seed,
    // The fast, exact evaluation of 1-input conditioners (@sec-speed).
    engine: .piecewise
  ) { update in
    let message = String(format: "%@: loss %.3f", dataset.rawValue, update.loss)
    progress(update.step, of: update.steps, message)
  }
}
// endregion
