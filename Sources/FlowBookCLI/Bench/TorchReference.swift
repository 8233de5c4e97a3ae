import Foundation

/// Runs `bench/realnvp_torch.py` (plain PyTorch, one thread) and reads its JSON line.
enum TorchReference {
  /// What the script measured.
  struct Measurement {
    var msPerStep: Double
    var cpuMsPerStep: Double
    var testNLL: Double
  }

  /// Why PyTorch was not measured, in words for the report.
  struct Skipped: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs the script with the same model and training settings; a failure is a note, not an error.
  static func run(python: String, script: String, model: ModelOptions, steps: Int) -> Result<
    Measurement, Skipped
  > {
    guard FileManager.default.fileExists(atPath: script) else {
      return .failure(
        Skipped(description: "PyTorch skipped: \(script) not found (run from the repository root)"))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    var arguments = [
      python, script, "--dataset", model.dataset, "--steps", "\(steps)", "--seed", "\(model.seed)",
      "--layers", "\(model.couplings())", "--hidden", "\(model.hiddenWidth())", "--batch", "\(model.batch)",
      "--lr", "\(model.lr)",
      "--schedule", model.schedule,
    ]
    if model.zeroInit { arguments.append("--zero-init") }
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch {
      return .failure(Skipped(description: "PyTorch skipped: cannot run \(python) (\(error))"))
    }
    // Standard error is drained on its own thread: PyTorch's warnings could fill its pipe while this
    // thread waits for standard output, and both processes would wait for ever.
    nonisolated(unsafe) var errorData = Data()
    let drained = DispatchGroup()
    DispatchQueue.global().async(group: drained) {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    let errorText = String(decoding: errorData, as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let reason =
        errorText.contains("No module named 'torch'")
        ? "torch is not installed (pip install torch)"
        : errorText.split(separator: "\n").last.map(String.init)
          ?? "exit status \(process.terminationStatus)"
      return .failure(Skipped(description: "PyTorch skipped: \(reason)"))
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let ms = object["ms_per_step"] as? Double, let nll = object["test_nll"] as? Double
    else {
      return .failure(Skipped(description: "PyTorch skipped: the script printed no JSON result"))
    }
    // A script without CPU times (an older one) is compared by wall-clock time.
    let cpu = object["cpu_ms_per_step"] as? Double ?? ms
    return .success(Measurement(msPerStep: ms, cpuMsPerStep: cpu, testNLL: nll))
  }
}
