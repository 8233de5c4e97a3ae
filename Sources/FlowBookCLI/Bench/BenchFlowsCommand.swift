import ArgumentParser
import Flows
import Foundation

/// `flowbook bench flows`: FlowBook's RealNVP trainer against plain PyTorch, side by side in one run.
///
/// - `flowbook_ms_per_step`, `flowbook_test_nll`: `Trainer` with `--engine` (default piecewise) on RealNVP-8x128.
/// - `torch_ms_per_step`, `torch_test_nll`: `bench/realnvp_torch.py` with the same settings, one thread;
///   skipped with a note when Python or torch is missing.
/// - `ratio`: flowbook / torch milliseconds per step (the goal is ≤ 1/3).
/// - `dense_ms_per_step`, `autodiff_ms_per_step`: the dense plain-arrays engine and the autodiff engine on the
///   same minibatches (`dense_over_torch`: the dense engine against PyTorch).
struct BenchFlowsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "flows",
    abstract: "Time RealNVP training: FlowBook vs plain PyTorch, and plain arrays vs autodiff.")

  @OptionGroup var model: ModelOptions

  @Option(help: "The PyTorch reference script.")
  var script = "bench/realnvp_torch.py"

  @Option(help: "Python interpreter with torch installed.")
  var python = "python3"

  @Option(help: "Steps of the plain-arrays vs autodiff timing (0 to skip).")
  var compareSteps = 100

  @Flag(help: "Print one JSON object.")
  var json = false

  func run() throws {
    let dataset = try model.toyDataset()
    let options = try model.trainingOptions()
    var report = BenchReport()
    report.add("dataset", .text(dataset.rawValue))
    report.add("steps", .integer(options.steps))
    let flow = try model.makeFlow()
    let result: TrainingResult
    do { result = try Trainer(options: options).train(flow, on: dataset) } catch {
      throw UserError("\(error)")
    }
    report.add("flowbook_engine", .text(flow.engineSummary))
    report.add("flowbook_ms_per_step", .number(result.millisecondsPerStep))
    report.add("flowbook_test_nll", .number(result.testNLL))
    var torchMilliseconds: Double?
    // The PyTorch script is plain RealNVP: a ratio against a flow with more layers or clipping would mislead.
    let torch: Result<TorchReference.Measurement, TorchReference.Skipped> =
      model.actnorm || model.lu || model.clip != nil
      ? .failure(.init(description: "PyTorch skipped: \(script) has no ActNorm, LU layers or clipping"))
      : TorchReference.run(python: python, script: script, model: model, steps: options.steps)
    switch torch {
    case .success(let torch):
      torchMilliseconds = torch.msPerStep
      report.add("torch_ms_per_step", .number(torch.msPerStep))
      report.add("torch_test_nll", .number(torch.testNLL))
      report.add("ratio", .number(result.millisecondsPerStep / torch.msPerStep))
    case .failure(let note):
      report.add("torch_skipped", .text(note.description))
    }
    if compareSteps > 0 {
      var compareOptions = options
      compareOptions.steps = compareSteps
      let comparison = try AutodiffTraining.compare(
        configuration: try model.flowConfiguration(), seed: model.seed,
        dataset: dataset, options: compareOptions, steps: compareSteps)
      report.add("dense_ms_per_step", .number(comparison.plainMillisecondsPerStep))
      report.add("autodiff_ms_per_step", .number(comparison.autodiffMillisecondsPerStep))
      report.add(
        "autodiff_over_dense_time",
        .number(comparison.autodiffMillisecondsPerStep / comparison.plainMillisecondsPerStep))
      if let torchMilliseconds {
        report.add(
          "dense_over_torch", .number(comparison.plainMillisecondsPerStep / torchMilliseconds))
        report.add(
          "autodiff_over_torch", .number(comparison.autodiffMillisecondsPerStep / torchMilliseconds)
        )
      }
      report.add(
        "dense_vs_autodiff_max_relative_loss_difference", .number(comparison.maxRelativeDifference))
    }
    report.add("peak_rss_mb", .number(ResourceUsage.peakResidentMegabytes))
    print(json ? report.json : report.text)
  }
}
