import Foundation
import Testing
import _TestSupport

/// End-to-end: `flowbook bench numerics` prints one JSON object with the numbers issue 3 names.
@Suite struct BenchCommandTests {
  @Test func numericsPrintsOneJSONObjectWithTheMeasurements() throws {
    let run = try FlowBookBinary.run(["bench", "numerics", "--json", "--repetitions", "2"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    for key in ["sgemm_gflops", "sgemm_ms", "mlp_step_ms", "mlp_sgemm_ms", "mlp_overhead_ratio"] {
      let value = try #require(object[key] as? Double, "missing \(key)")
      #expect(value > 0, "\(key)")
    }
    #expect(object["blas_threads"] as? Int == 1)
  }

  @Test func rejectsANonPositiveRepetitionCount() throws {
    let run = try FlowBookBinary.run(["bench", "numerics", "--repetitions", "0"])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("--repetitions must be positive"))
  }
}
