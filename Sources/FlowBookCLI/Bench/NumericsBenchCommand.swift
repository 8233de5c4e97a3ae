import ArgumentParser
import Autodiff
import NeuralNet

/// `flowbook bench numerics`: BLAS sgemm speed and one MLP training step, the numbers issue 3 asks for.
///
/// - `sgemm_gflops`, `sgemm_ms`: one 512×128·128×128 product on one thread.
/// - `mlp_step_ms`: forward + backward of a 1→128→128→2 ReLU MLP at batch 512 (MSE loss).
/// - `mlp_sgemm_ms`: the same step's eight sgemm calls alone; `mlp_overhead_ratio` the quotient.
/// - `train_step_ms`: a whole step with `zeroGradients` and `Adam.step()`.
struct NumericsBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "numerics", abstract: "Time sgemm and an MLP forward+backward (medians).")

  @Flag(name: .long, help: "Print one JSON object.")
  var json = false

  @Option(name: .long, help: "Timed repetitions per measurement.")
  var repetitions = 300

  @Option(
    name: .customLong("core-type"), help: "Force an OpenBLAS kernel (e.g. Prescott) to compare.")
  var coreType: String?

  func run() throws {
    guard repetitions > 0 else {
      throw ValidationError("--repetitions must be positive, got \(repetitions)")
    }
    var report = BenchReport()
    report.add("blas_core_at_load", .text(BLASKernel.coreName))
    BLASKernel.configure()
    if let coreType {
      // OpenBLAS silently keeps its kernel for a name it does not know: say so rather than mislabel the numbers.
      let selected = BLASKernel.select(coreType: coreType)
      guard selected.lowercased() == coreType.lowercased() else {
        throw ValidationError(
          "OpenBLAS has no kernel '\(coreType)' here (it kept \(selected)); try e.g. Prescott or Haswell")
      }
    }
    report.add("blas_core", .text(BLASKernel.coreName))
    report.add("blas_threads", .integer(BLASKernel.threadCount))

    let sgemm = Self.sgemmMilliseconds(repetitions: repetitions, [.init(512, 128, 128)])
    report.add("sgemm_ms", .number(sgemm))
    report.add("sgemm_gflops", .number(2 * 512 * 128 * 128 / (sgemm * 1e6)))

    var rng = SeededGenerator(seed: 0)
    let mlp = MLP(sizes: [1, 128, 128, 2], activation: .relu, rng: &rng)
    let x = Tensor.randomNormal([512, 1], using: &rng)
    let y = Tensor.randomNormal([512, 2], using: &rng)
    var adam = Adam(parameters: mlp.parameters, learningRate: 1e-3)
    let step = medianMilliseconds(repetitions: repetitions) {
      adam.zeroGradients()
      (mlp(x) - y).square().mean().backward()
    }
    let contained = Self.sgemmMilliseconds(repetitions: repetitions, Self.mlpProducts)
    report.add("mlp_step_ms", .number(step))
    report.add("mlp_sgemm_ms", .number(contained))
    report.add("mlp_overhead_ratio", .number(step / contained))
    report.add(
      "train_step_ms",
      .number(
        medianMilliseconds(repetitions: repetitions) {
          adam.zeroGradients()
          (mlp(x) - y).square().mean().backward()
          adam.step()
        }))
    print(json ? report.json : report.text)
  }

  /// One `sgemm` call's sizes and transpose flags (`β = 1` as in the layers, which accumulate).
  struct Product {
    var m: Int, n: Int, k: Int
    var transposeA = false, transposeB = false
    init(_ m: Int, _ n: Int, _ k: Int, transposeA: Bool = false, transposeB: Bool = false) {
      (self.m, self.n, self.k, self.transposeA, self.transposeB) = (m, n, k, transposeA, transposeB)
    }
  }

  /// The products inside one forward+backward of the 1→128→128→2 MLP at batch 512: three forward
  /// `x·W`, then per layer `∂W = xᵀ·g` and (except for the data input) `∂x = g·Wᵀ`.
  static let mlpProducts: [Product] = [
    .init(512, 128, 1), .init(512, 128, 128), .init(512, 2, 128),
    .init(128, 2, 512, transposeA: true), .init(512, 128, 2, transposeB: true),
    .init(128, 128, 512, transposeA: true), .init(512, 128, 128, transposeB: true),
    .init(1, 128, 512, transposeA: true),
  ]

  /// The median time of running all `products` once, on random matrices.
  static func sgemmMilliseconds(repetitions: Int, _ products: [Product]) -> Double {
    var rng = SeededGenerator(seed: 1)
    let operands = products.map { product in
      (
        Tensor.randomNormal([product.m * product.k], using: &rng),
        Tensor.randomNormal([product.k * product.n], using: &rng),
        Tensor.zeros([product.m * product.n])
      )
    }
    return medianMilliseconds(repetitions: repetitions) {
      for (product, (a, b, c)) in zip(products, operands) {
        a.withUnsafeBufferPointer { a in
          b.withUnsafeBufferPointer { b in
            c.withUnsafeMutableBufferPointer { c in
              BLASKernel.multiply(
                a.baseAddress!, transposeA: product.transposeA, b.baseAddress!,
                transposeB: product.transposeB,
                into: c.baseAddress!, m: product.m, n: product.n, k: product.k, beta: 1)
            }
          }
        }
      }
    }
  }
}
