import ArgumentParser
import Flows
import Foundation

/// `flowbook train`: trains a RealNVP flow on a toy dataset and reports test NLL and speed.
struct TrainCommand: ParsableCommand {
  private static let recipe = ModelDefaults.recipe
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train a RealNVP flow on a 2-D toy dataset by maximum likelihood.",
    discussion: """
      Defaults, the recipe for a short run: RealNVP with \(recipe.couplings) couplings of conditioners \
      1→\(recipe.hidden)→\(recipe.hidden)→2 whose last layers start at zero, batch 512, Adam from lr \
      1e-3 with cosine decay to 0. `--layers 8 --hidden 128 --schedule constant --no-zero-init` is the \
      issue's canonical PyTorch recipe. Engine: the \
      plain-arrays implementation with hand-derived gradients; by default its piecewise mode (each 1-input \
      conditioner evaluated exactly as a piecewise-linear function, no hidden×hidden product), or with \
      `--engine dense` one sgemm per product, rounding exactly like the autodiff engine. `flowbook verify` \
      compares both with autodiff. Progress goes to stderr on a terminal (or with --progress); \
      --json prints one JSON line on stdout.
      """)

  @OptionGroup var model: ModelOptions

  @Option(help: "Save the trained flow to this file (load it with Flow.load(from:)).")
  var save: String?

  @Flag(help: "Print one JSON line with the results on stdout.")
  var json = false

  @Flag(help: "Include the training curves (train and held-out log-likelihood) in the JSON.")
  var curves = false

  @Flag(help: "Show progress on stderr even when it is not a terminal.")
  var progress = false

  func run() throws {
    let dataset = try model.toyDataset()
    let flow = try model.makeFlow(.recipe)
    let options = try model.trainingOptions(.recipe)
    if let save { try Self.checkWritable(save) }
    let showProgress = progress || isatty(STDERR_FILENO) == 1
    let engineText = flow.engineSummary
    let callback: ((TrainingProgress) -> Void)? =
      showProgress ? { ProgressLine.show($0, engine: engineText) } : nil
    let result: TrainingResult
    do {
      result = try Trainer(options: options).train(flow, on: dataset, progress: callback)
    } catch {
      throw UserError("\(error)")
    }
    if showProgress { ProgressLine.finish() }
    if let save {
      do { try flow.save(to: save) } catch { throw UserError("\(error)") }
    }
    var report: [String: Any] = [
      "dataset": dataset.rawValue, "steps": result.steps, "planned_steps": result.plannedSteps,
      "time_budget": options.timeBudget ?? NSNull(),
      "average_decay": options.averageDecay.map { Double("\($0)") ?? 0 } ?? NSNull(),
      "seed": model.seed,
      "couplings": model.couplings(.recipe),
      "hidden": model.hiddenWidth(.recipe), "batch": options.batchSize,
      "lr": Double("\(options.learningRate)") ?? 0,
      "schedule": options.schedule.rawValue, "zero_init": model.zeroInit, "actnorm": model.actnorm,
      "lu": model.lu,
      "test_nll": result.testNLL, "test_nll_standard_error": result.testNLLStandardError,
      "test_size": options.testSize, "ms_per_step": result.millisecondsPerStep,
      "seconds": result.seconds,
      "parameters": flow.parameterCount, "engine": flow.engine.rawValue,
      "engine_summary": engineText,
      "coupling_engines": Dictionary(
        uniqueKeysWithValues: flow.couplingEngines.map { ($0.name, $0.engine.rawValue) }),
      "scale_bound": flow.configuration?.scaleBound.rawValue ?? NSNull(),
      "peak_rss_mb": ResourceUsage.peakResidentMegabytes,
      "final_held_out_nll": -(result.records.last?.heldOutLogLikelihood ?? .nan),
    ]
    if let entropy = dataset.entropy { report["entropy_bound"] = entropy }
    let truth = dataset == .moons ? TrueDensityGap(flow, on: Trainer(options: options).testSet(of: dataset)) : nil
    if let truth {
      report["true_density_test_nll"] = truth.trueNLL
      report["gap_to_true_density"] = truth.gap
      report["gap_standard_error"] = truth.gapStandardError
    }
    if curves {
      report["curves"] = result.records.map {
        [
          "step": $0.step, "train_ll": $0.trainLogLikelihood,
          "held_out_ll": $0.heldOutLogLikelihood,
        ] as [String: Any]
      }
    }
    if json {
      print(try JSONLine.encode(report))
    } else {
      print(
        String(
          format:
            "%@: test NLL %.4f ± %.4f nats on %d fresh samples%@; %d steps%@, %.2f ms/step (median), %.1f s%@, engine %@",
          dataset.rawValue, result.testNLL, result.testNLLStandardError, options.testSize,
          dataset.entropy.map { String(format: " (entropy bound %.4f)", $0) } ?? "",
          result.steps, options.timeBudget == nil ? "" : " (planned \(result.plannedSteps))",
          result.millisecondsPerStep, result.seconds,
          options.timeBudget.map { String(format: " of a %.0f s budget", $0) } ?? "", engineText))
      if let truth {
        print(
          String(
            format: "the true density scores %.4f on the same points: the flow is %.4f ± %.4f nats above it",
            truth.trueNLL, truth.gap, truth.gapStandardError))
      }
    }
  }

  /// Fails before training, not after it, when the model could not be saved to `path`.
  private static func checkWritable(_ path: String) throws {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw UserError("cannot save the flow to \(path): the folder \(folder) does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw UserError("cannot save the flow to \(path): the folder \(folder) is not writable")
    }
  }
}
