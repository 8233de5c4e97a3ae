import ArgumentParser
import Flows
import Foundation

/// `flowbook verify`: the flow's numerical checks, untrained and after a short training run, and the
/// plain-arrays engine against the autodiff one. Exits with status 1 when a check misses its tolerance.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract:
      "Check log-dets, round trips and gradients of a flow (untrained and briefly trained).",
    discussion: """
      Log-dets are compared with log|det J| of the Jacobian from finite differences in Double and from \
      reverse-mode autodiff (every layer's Tensor form, LU included: --lu); round trips are max|f⁻¹(f(x)) − x| \
      relative; hand-derived gradients of one minibatch are compared with autodiff's; the plain-arrays \
      trainer is run beside the autodiff one from the same initialisation on the same minibatches. The \
      untrained checks use PyTorch's random initialisation (a zero-initialised flow is the identity). \
      Tolerances (FlowTolerance): log-det 1e-4, round trip 1e-5, gradients 1e-3 relative, dense-engine loss \
      curve 1e-4 relative without LU layers (the piecewise engine's and LU flows' drift is reported).
      """)

  @OptionGroup var model: ModelOptions

  @Option(help: "Points checked (drawn from the dataset).")
  var points = 200

  @Option(help: "Steps of the short training run before the second round of checks.")
  var trainSteps = 200

  @Option(help: "Steps of the plain-arrays vs autodiff comparison (0 to skip).")
  var compareSteps = 200

  @Flag(help: "Print one JSON line on stdout.")
  var json = false

  @Flag(help: "Include the per-layer table in the JSON.")
  var layerTable = false

  func run() throws {
    guard points >= 1, trainSteps >= 0, compareSteps >= 0 else {
      throw UserError("--points must be ≥ 1 and --train-steps, --compare-steps ≥ 0")
    }
    let dataset = try model.toyDataset()
    let flow = try model.makeFlow()
    var options = try model.trainingOptions()
    let x = dataset.sample(points, seed: model.seed &+ 99)
    // A zero-initialised flow is the identity, which would make the untrained checks trivial:
    // check a randomly initialised (PyTorch-style) flow instead.
    let tolerance = FlowTolerance()
    var randomConfiguration = try model.flowConfiguration()
    randomConfiguration.zeroInitialised = false
    let randomFlow = try Flow(randomConfiguration, seed: model.seed)
    let untrained = FlowChecks.layerChecks(of: randomFlow, at: x)
    let gradientBatch = dataset.sample(64, seed: model.seed &+ 98)
    let gradientError = try FlowChecks.autodiffGradientError(of: randomFlow, on: gradientBatch)
    options.steps = max(trainSteps, 1)
    options.testSize = 2000
    options.heldOutSize = 500
    if trainSteps > 0 {
      do { _ = try Trainer(options: options).train(flow, on: dataset) } catch {
        throw UserError("\(error)")
      }
    }
    let trained = FlowChecks.layerChecks(of: flow, at: x)
    var report: [String: Any] = [
      "couplings": model.couplings(), "hidden": model.hiddenWidth(), "points": points,
      "train_steps": trainSteps,
      "untrained": Self.summary(untrained), "trained": Self.summary(trained),
    ]
    for (key, value) in Self.summary(untrained + trained) { report[key] = value }
    if layerTable {
      report["layers"] = trained.map {
        [
          "name": $0.name, "logdet_error": $0.maxLogDetError,
          "autodiff_logdet_error": $0.maxAutodiffLogDetError ?? Double.nan,
          "roundtrip_error": $0.maxRoundTripError,
        ]
      }
    }
    let trainedGradientError = try FlowChecks.autodiffGradientError(of: flow, on: gradientBatch)
    report["max_autodiff_gradient_error"] = max(gradientError, trainedGradientError)
    var passed =
      tolerance.accepts(untrained + trained)
      && max(gradientError, trainedGradientError) <= tolerance.gradient
    if compareSteps > 0 {
      options.steps = compareSteps
      let configuration = try model.flowConfiguration()
      let comparison = try AutodiffTraining.compare(
        configuration: configuration, seed: model.seed,
        dataset: dataset, options: options, steps: compareSteps)
      report["dense_max_relative_loss_difference"] = comparison.maxRelativeDifference
      report["dense_ms_per_step"] = comparison.plainMillisecondsPerStep
      report["autodiff_ms_per_step"] = comparison.autodiffMillisecondsPerStep
      report["dense_over_autodiff_time"] =
        comparison.plainMillisecondsPerStep / comparison.autodiffMillisecondsPerStep
      // LU layers compute in Double and round unlike autodiff's Float graph: their drift is reported only.
      passed = passed && (model.lu || comparison.maxRelativeDifference <= tolerance.denseLossCurve)
      let piecewise = try AutodiffTraining.compare(
        configuration: configuration, seed: model.seed,
        dataset: dataset, options: options, steps: compareSteps, engine: .piecewise)
      report["piecewise_max_relative_loss_difference"] = piecewise.maxRelativeDifference
      report["piecewise_first_step_beyond_1e-4"] = piecewise.firstStepBeyondTolerance ?? 0
      report["piecewise_ms_per_step"] = piecewise.plainMillisecondsPerStep
      let control = try AutodiffTraining.compare(
        configuration: configuration, seed: model.seed, dataset: dataset,
        options: options,
        steps: compareSteps, perturbingOneInput: true)
      report["one_ulp_control_max_relative_loss_difference"] = control.maxRelativeDifference
    }
    report["passed"] = passed
    if json {
      print(try JSONLine.encode(report))
    } else {
      for key in report.keys.sorted() where !(report[key] is [String: Any]) {
        print("\(key): \(report[key]!)")
      }
    }
    if !passed { throw ExitCode(1) }
  }

  /// The worst errors over a set of layer checks (the whole flow included).
  static func summary(_ checks: [LayerCheck]) -> [String: Any] {
    var summary: [String: Any] = [
      "max_logdet_error": checks.map(\.maxLogDetError).max() ?? 0,
      "max_roundtrip_error": checks.map(\.maxRoundTripError).max() ?? 0,
      "max_cancellation_error": checks.map(\.maxCancellationError).max() ?? 0,
    ]
    let autodiff = checks.compactMap(\.maxAutodiffLogDetError)
    if !autodiff.isEmpty { summary["max_autodiff_logdet_error"] = autodiff.max()! }
    return summary
  }
}
