import Foundation
import Testing
import _TestSupport

/// End-to-end: `flowbook bench numerics` prints one JSON object with the numbers issue 3 names.
@Suite struct BenchCommandTests {
  /// Checks relations a constant cannot fake: GFLOP/s is the product's work over its time, and the MLP
  /// step's eight products (three of them the size of the single product) take longer than that one product.
  @Test func numericsPrintsMeasurementsThatScaleWithTheWork() throws {
    let run = try FlowBookBinary.run(["bench", "numerics", "--json", "--repetitions", "15"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    var values: [String: Double] = [:]
    for key in ["sgemm_gflops", "sgemm_ms", "mlp_step_ms", "mlp_sgemm_ms", "mlp_overhead_ratio", "train_step_ms"] {
      values[key] = try #require(object[key] as? Double, "missing \(key)")
    }
    let (gflops, sgemm, mlpSgemm) = (values["sgemm_gflops"]!, values["sgemm_ms"]!, values["mlp_sgemm_ms"]!)
    #expect(abs(gflops * sgemm * 1e6 / (2 * 512 * 128 * 128) - 1) < 0.01)
    #expect(abs(values["mlp_overhead_ratio"]! * mlpSgemm / values["mlp_step_ms"]! - 1) < 0.01)
    // Three of the step's eight products have the timed product's shape: about three times its work. Only
    // "more than once" is asserted, so that a median disturbed by other processes cannot fail the test.
    #expect(mlpSgemm > sgemm, "8 products \(mlpSgemm) ms vs one \(sgemm) ms")
    #expect(object["blas_threads"] as? Int == 1)
  }

  @Test func rejectsANonPositiveRepetitionCount() throws {
    let run = try FlowBookBinary.run(["bench", "numerics", "--repetitions", "0"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("--repetitions must be positive"))
  }

  @Test func anUnknownKernelIsAnErrorNotAMislabelledMeasurement() throws {
    let run = try FlowBookBinary.run(["bench", "numerics", "--repetitions", "1", "--core-type", "Nope"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("OpenBLAS has no kernel 'Nope'"), "\(run.standardError)")
  }

  @Test func theReferenceScriptIsReadDespiteLongStandardErrorAndSkippedForOtherModels() throws {
    let directory = try TemporaryDirectory()
    // More than a pipe holds (64 KiB) on standard error before the result on standard output.
    try directory.write(
      "import sys\nsys.stderr.write('warning\\n' * 40000)\nprint('{\"ms_per_step\": 5.0, \"test_nll\": 1.5}')\n",
      to: "reference.py")
    let run = try FlowBookBinary.run([
      "bench", "flows", "--json", "--script", directory.path + "/reference.py", "--steps", "2",
      "--compare-steps", "0", "--layers", "2", "--hidden", "8", "--batch", "64", "--test-size", "500",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(object["torch_ms_per_step"] as? Double == 5)

    let withActNorm = try FlowBookBinary.run([
      "bench", "flows", "--json", "--script", directory.path + "/reference.py", "--steps", "2",
      "--compare-steps", "0", "--layers", "2", "--hidden", "8", "--batch", "64", "--test-size", "500", "--actnorm",
    ])
    let skipped = try #require(
      try JSONSerialization.jsonObject(with: Data(withActNorm.standardOutput.utf8)) as? [String: Any])
    #expect(skipped["ratio"] == nil)
    #expect((skipped["torch_skipped"] as? String)?.contains("no ActNorm") == true)
  }
}
