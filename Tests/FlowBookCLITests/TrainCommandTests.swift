import Foundation
import Testing
import _TestSupport

/// End-to-end: `flowbook train` on tiny flows, and its errors for bad input.
@Suite struct TrainCommandTests {
  static let tiny = [
    "--steps", "20", "--layers", "2", "--hidden", "8", "--batch", "64", "--eval-every", "10",
    "--test-size", "4000",
  ]

  @Test func trainPrintsOneJSONLineAndSavesALoadableModel() throws {
    let directory = try TemporaryDirectory()
    let model = directory.path + "/moons.flow.json"
    let run = try FlowBookBinary.run(
      ["train", "--dataset", "moons", "--json", "--save", model] + Self.tiny)
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect((object["test_nll"] as? Double)?.isFinite == true)
    #expect((object["ms_per_step"] as? Double).map { $0 > 0 } == true)
    // The report says what ran, per coupling.
    #expect(object["engine"] as? String == "piecewise")
    #expect(object["engine_summary"] as? String == "piecewise")
    #expect(
      object["coupling_engines"] as? [String: String]
        == ["layer0.coupling": "piecewise", "layer1.coupling": "piecewise"])
    #expect(FileManager.default.fileExists(atPath: model))
  }

  /// More steps of the same run give a lower test NLL: a number the training did not produce cannot pass.
  /// The moons' true density scores the same held-out points in both runs (the same seed draws them), and
  /// the flow's gap to it is its test NLL minus the truth's, falling with training too.
  @Test func theTestNLLFallsWithTraining() throws {
    let runs = try [2, 150].map { steps in
      // Later options override `tiny`'s; held out only at the end, as no curve is checked here.
      let run = try FlowBookBinary.run(
        ["train", "--dataset", "moons", "--json", "--lr", "5e-3"] + Self.tiny
          + ["--steps", "\(steps)", "--eval-every", "\(steps)"])
      #expect(run.exitCode == 0, "\(run.standardError)")
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
      #expect(object["test_size"] as? Int == 4000)
      let nll = try #require(object["test_nll"] as? Double)
      let truth = try #require(object["true_density_test_nll"] as? Double)
      let gap = try #require(object["gap_to_true_density"] as? Double)
      #expect(abs(nll - truth - gap) < 1e-6, "test NLL \(nll) − true \(truth) ≠ gap \(gap)")
      return (nll: nll, truth: truth, gap: gap)
    }
    #expect(runs[1].nll < runs[0].nll - 0.3, "test NLL after 2 steps \(runs[0].nll), after 150 \(runs[1].nll)")
    #expect(runs[0].truth == runs[1].truth)
    // The moons' entropy is 0.2892 nats (scripts/moons-entropy.py); 4,000 points estimate it to ±0.011.
    #expect(abs(runs[0].truth - 0.2892) < 0.045, "true density's test NLL \(runs[0].truth)")
    #expect(runs[1].gap < runs[0].gap && runs[1].gap > 0)
  }

  @Test func theAutodiffEngineAndOtherScaleBoundsTrainFromTheCommandLine() throws {
    let run = try FlowBookBinary.run(
      ["train", "--dataset", "moons", "--json", "--engine", "autodiff", "--scale-bound", "glowSigmoid", "--lu"]
        + Self.tiny)
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(object["engine_summary"] as? String == "autodiff")
    #expect(object["scale_bound"] as? String == "glowSigmoid")
    #expect(object["steps"] as? Int == 20 && object["planned_steps"] as? Int == 20)
    #expect((object["test_nll"] as? Double)?.isFinite == true)
  }

  /// Without model options `train` uses the 40-second recipe, not the 8×128 flow `verify` and `bench` default to.
  /// The JSON gives the test NLL's standard error beside it (on 2,000 test points, not the default 20,000: the
  /// model defaults are what is checked).
  @Test func trainDefaultsToTheRecipe() throws {
    let run = try FlowBookBinary.run([
      "train", "--dataset", "moons", "--json", "--steps", "3", "--batch", "32", "--eval-every", "3",
      "--test-size", "2000",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(object["couplings"] as? Int == 12 && object["hidden"] as? Int == 64)
    #expect(object["lr"] as? Double == 0.001 && object["average_decay"] is NSNull)
    let error = try #require(object["test_nll_standard_error"] as? Double)
    #expect(error > 0 && error < 1, "standard error \(error)")
  }

  @Test(arguments: [
    (["--dataset", "spirals"], "unknown dataset 'spirals'"),
    (["--layers", "3"], "couplings must be even"),
    (["--layers", "0"], "couplings must be even"),
    (["--layers", "-2"], "couplings must be even"),
    (["--layers", "20000000"], "couplings must each be ≤ 4096"),
    (["--layers", "100", "--hidden", "4096"], "more than the 100000000 FlowBook trains in memory"),
    (["--lr", "-1"], "learning rate must be a positive number"),
    (["--lr=-1"], "learning rate must be a positive number"),
    (["--schedule", "linear"], "unknown schedule"),
    (["--engine", "fast"], "unknown engine 'fast'; choose one of: dense, piecewise, autodiff"),
    (["--scale-bound", "exp"], "unknown scale bound 'exp'"),
    (["--time-budget", "0"], "time budget must be a positive number of seconds"),
    (["--average-decay", "1"], "average decay must be in (0, 1)"),
    (["--save", "/nonexistent-flowbook-folder/flow.json"], "cannot save the flow to /nonexistent-flowbook-folder"),
  ])
  func badInputIsOneClearError(_ arguments: [String], _ message: String) throws {
    let run = try FlowBookBinary.run(["train"] + Self.tiny + arguments)
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains(message), "\(run.standardError)")
    #expect(!run.standardError.contains("Fatal error"))
  }

  @Test func aDivergingLearningRateNamesTheStep() throws {
    let run = try FlowBookBinary.run(
      ["train", "--dataset", "moons", "--lr", "1e6", "--actnorm"]
        + Self.tiny.map { $0 == "20" ? "300" : $0 })
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("training diverged"), "\(run.standardError)")
  }

  @Test func verifyReportsTheChecksAsJSON() throws {
    let run = try FlowBookBinary.run([
      "verify", "--json", "--layers", "4", "--hidden", "8", "--points", "20",
      "--train-steps", "20", "--compare-steps", "20", "--batch", "64",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(try #require(object["max_logdet_error"] as? Double) <= 1e-4)
    #expect(try #require(object["max_roundtrip_error"] as? Double) <= 1e-5)
    #expect(try #require(object["dense_max_relative_loss_difference"] as? Double) <= 1e-4)
    #expect(object["passed"] as? Bool == true)
  }

  @Test func verifyChecksLULayersAgainstAutodiff() throws {
    let run = try FlowBookBinary.run([
      "verify", "--json", "--lu", "--layers", "2", "--hidden", "8", "--points", "10",
      "--train-steps", "10", "--compare-steps", "0", "--batch", "64",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(try #require(object["max_autodiff_logdet_error"] as? Double) <= 1e-4)
    #expect(try #require(object["max_autodiff_gradient_error"] as? Double) <= 1e-3)
    #expect(object["passed"] as? Bool == true)
  }
}
