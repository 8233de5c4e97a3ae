import ArgumentParser
import Flows
import Foundation

/// `flowbook bench flows`: FlowBook's RealNVP trainer against plain PyTorch, side by side in one run.
///
/// Every time is a median per step, as wall-clock `…_ms_per_step` and as the thread's CPU time
/// `…_cpu_ms_per_step` (on a machine shared with other work the wall-clock figures grow with the load; ratios
/// are taken of CPU times).
/// - `flowbook_…`: `Trainer` with `--engine` (default piecewise) on RealNVP-8x128; `flowbook_test_nll`.
/// - `torch_…`: `bench/realnvp_torch.py` with the same settings, one thread; skipped with a note when Python or
///   torch is missing. `ratio`: flowbook / torch.
/// - `dense_…`, `autodiff_…`: the dense plain-arrays engine and the autodiff engine on the same minibatches,
///   step by step; `autodiff_over_dense_time`, `dense_over_torch`, `autodiff_over_torch`.
/// - `dense_sgemm_cpu_ms_per_step`: the BLAS calls of one dense step alone (`Flow.blasCalls`), at the same
///   shapes, run after every dense step of the comparison; `dense_over_sgemm` the quotient (what the step
///   costs beyond its products).
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
    report.add("flowbook_cpu_ms_per_step", .number(result.cpuMillisecondsPerStep))
    report.add("flowbook_test_nll", .number(result.testNLL))
    var torchCPU: Double?
    // The PyTorch script is plain RealNVP: a ratio against a flow with more layers or clipping would mislead.
    let torch: Result<TorchReference.Measurement, TorchReference.Skipped> =
      model.actnorm || model.lu || model.clip != nil
      ? .failure(.init(description: "PyTorch skipped: \(script) has no ActNorm, LU layers or clipping"))
      : TorchReference.run(python: python, script: script, model: model, steps: options.steps)
    switch torch {
    case .success(let torch):
      torchCPU = torch.cpuMsPerStep
      report.add("torch_ms_per_step", .number(torch.msPerStep))
      report.add("torch_cpu_ms_per_step", .number(torch.cpuMsPerStep))
      report.add("torch_test_nll", .number(torch.testNLL))
      report.add("ratio", .number(result.cpuMillisecondsPerStep / torch.cpuMsPerStep))
    case .failure(let note):
      report.add("torch_skipped", .text(note.description))
    }
    report.add("compare_steps", .integer(compareSteps))
    if compareSteps > 0 {
      var compareOptions = options
      compareOptions.steps = compareSteps
      let configuration = try model.flowConfiguration()
      let comparison = try AutodiffTraining.compare(
        configuration: configuration, seed: model.seed,
        dataset: dataset, options: compareOptions, steps: compareSteps)
      let (dense, autodiff) = (comparison.plainCPUMillisecondsPerStep, comparison.autodiffCPUMillisecondsPerStep)
      report.add("dense_ms_per_step", .number(comparison.plainMillisecondsPerStep))
      report.add("dense_cpu_ms_per_step", .number(dense))
      report.add("dense_sgemm_cpu_ms_per_step", .number(comparison.blasCPUMillisecondsPerStep))
      report.add("dense_over_sgemm", .number(dense / comparison.blasCPUMillisecondsPerStep))
      report.add("autodiff_ms_per_step", .number(comparison.autodiffMillisecondsPerStep))
      report.add("autodiff_cpu_ms_per_step", .number(autodiff))
      report.add("autodiff_over_dense_time", .number(autodiff / dense))
      if let torchCPU {
        report.add("dense_over_torch", .number(dense / torchCPU))
        report.add("autodiff_over_torch", .number(autodiff / torchCPU))
      }
      report.add(
        "dense_vs_autodiff_max_relative_loss_difference", .number(comparison.maxRelativeDifference))
    }
    report.add("peak_rss_mb", .number(ResourceUsage.peakResidentMegabytes))
    print(json ? report.json : report.text)
  }
}
