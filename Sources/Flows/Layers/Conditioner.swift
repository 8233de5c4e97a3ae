import Autodiff
import Foundation

/// The coupling layer's conditioner: an MLP `inputs → hidden → hidden → outputs` with ReLU, as in RealNVP.
///
/// `h1 = relu(x·W1 + b1)`, `h2 = relu(h1·W2 + b2)`, `o = h2·W3 + b3`, with `x` rows×inputs and weights
/// stored inputs×outputs so every product is one row-major `sgemm`. The backward pass is derived by hand
/// (bias and ReLU-mask work fused into one sweep per layer) and keeps its activations from the last forward
/// in its own buffers (`h1`, `h2`).
final class Conditioner {
  let inputs: Int, hidden: Int, outputs: Int
  let weight1: Parameter, bias1: Parameter
  let weight2: Parameter, bias2: Parameter
  let weight3: Parameter, bias3: Parameter
  /// The engine that runs: the requested one, or `.dense` where `.piecewise` does not apply.
  let engine: FlowEngine
  let workspace = Workspace()
  /// Buffers used only inside one backward pass (dh2, dh1): a flow's conditioners share one, so its backward
  /// passes reuse the same cache-warm memory instead of one set per coupling.
  let transient: Workspace
  let piecewise: PiecewiseScratch
  private var saved = SavedForward()
  private var onesCount = 0

  /// PyTorch's default `nn.Linear` initialisation, U(−1/√fan_in, 1/√fan_in) for weights and biases;
  /// `zeroLast` starts the output layer at zero so the coupling starts as the identity.
  init(
    name: String, inputs: Int, hidden: Int, outputs: Int, zeroLast: Bool, engine: FlowEngine,
    transient: Workspace = Workspace(), generator: inout SeededGenerator
  ) {
    self.transient = transient
    self.inputs = inputs
    self.hidden = hidden
    self.outputs = outputs
    self.engine = engine.resolved(inputs: inputs)
    piecewise = PiecewiseScratch(hidden: self.engine == .piecewise ? hidden : 0, outputs: outputs)
    func uniform(_ count: Int, fanIn: Int) -> [Float] {
      let bound = 1 / Float(fanIn).squareRoot()
      return (0..<count).map { _ in (2 * generator.uniform() - 1) * bound }
    }
    weight1 = Parameter(
      name: name + ".weight1", values: uniform(inputs * hidden, fanIn: inputs),
      shape: [inputs, hidden])
    bias1 = Parameter(name: name + ".bias1", values: uniform(hidden, fanIn: inputs))
    weight2 = Parameter(
      name: name + ".weight2", values: uniform(hidden * hidden, fanIn: hidden),
      shape: [hidden, hidden])
    bias2 = Parameter(name: name + ".bias2", values: uniform(hidden, fanIn: hidden))
    let last = uniform(hidden * outputs + outputs, fanIn: hidden)
    weight3 = Parameter(
      name: name + ".weight3",
      values: zeroLast
        ? Array(repeating: 0, count: hidden * outputs) : Array(last[..<(hidden * outputs)]),
      shape: [hidden, outputs])
    bias3 = Parameter(
      name: name + ".bias3",
      values: zeroLast ? Array(repeating: 0, count: outputs) : Array(last[(hidden * outputs)...]))
  }

  var parameters: [Parameter] { [weight1, bias1, weight2, bias2, weight3, bias3] }

  /// `o = MLP(x)` for `rows` rows; keeps the hidden activations for `backward`.
  func forward(_ x: UnsafePointer<Float>, into o: UnsafeMutablePointer<Float>, rows: Int) {
    saved.record(rows: rows)
    if engine == .piecewise {
      piecewiseForward(x, into: o, rows: rows)
      return
    }
    let h2 = workspace.buffer("h2", count: rows * hidden)
    denseHidden2(x, h1: workspace.buffer("h1", count: rows * hidden), into: h2, rows: rows)
    Kernels.fillRows(o, with: bias3.value.pointer, rows: rows, columns: outputs)
    gemm(h2, weight3.value.pointer, into: o, m: rows, n: outputs, k: hidden, beta: 1)
  }

  /// `h2 = relu(relu(x·W1 + b1)·W2 + b2)` with one sgemm per product, keeping `h1`.
  private func denseHidden2(
    _ x: UnsafePointer<Float>, h1: UnsafeMutablePointer<Float>,
    into h2: UnsafeMutablePointer<Float>, rows: Int
  ) {
    if inputs == 1 {
      // An outer product: a direct loop beats a k = 1 sgemm and fuses bias and ReLU.
      Kernels.outerProductReLU(
        x, weight: weight1.value.pointer, bias: bias1.value.pointer, into: h1, rows: rows,
        hidden: hidden)
    } else {
      Kernels.fillRows(h1, with: bias1.value.pointer, rows: rows, columns: hidden)
      gemm(x, weight1.value.pointer, into: h1, m: rows, n: hidden, k: inputs, beta: 1)
      Kernels.relu(h1, count: rows * hidden)
    }
    Kernels.fillRows(h2, with: bias2.value.pointer, rows: rows, columns: hidden)
    gemm(h1, weight2.value.pointer, into: h2, m: rows, n: hidden, k: hidden, beta: 1)
    Kernels.relu(h2, count: rows * hidden)
  }

  /// Given dL/do of the last forward, adds parameter gradients and writes dL/dx (rows×inputs).
  func backward(
    outputGradient dOut: UnsafePointer<Float>, input x: UnsafePointer<Float>,
    inputGradient dx: UnsafeMutablePointer<Float>, rows: Int
  ) {
    saved.check(rows: rows, layer: "Conditioner")
    if engine == .piecewise {
      piecewiseBackward(dOut, inputGradient: dx, rows: rows)
      return
    }
    let h2 = workspace.buffer("h2", count: rows * hidden)
    let dh2 = transient.buffer("dh2", count: rows * hidden)
    let dh1 = transient.buffer("dh1", count: rows * hidden)
    let ones = onesVector(rows)
    gemm(
      h2, dOut, into: weight3.gradient.pointer, m: hidden, n: outputs, k: rows, transposeA: true,
      beta: 1)
    Kernels.addColumnSums(
      dOut, into: bias3.gradient.pointer, rows: rows, columns: outputs, ones: ones)
    gemm(dOut, weight3.value.pointer, into: dh2, m: rows, n: hidden, k: outputs, transposeB: true)
    Kernels.maskInactive(dh2, activation: h2, count: rows * hidden)
    Kernels.addColumnSums(
      dh2, into: bias2.gradient.pointer, rows: rows, columns: hidden, ones: ones)
    let h1 = workspace.buffer("h1", count: rows * hidden)
    gemm(
      h1, dh2, into: weight2.gradient.pointer, m: hidden, n: hidden, k: rows, transposeA: true,
      beta: 1)
    gemm(dh2, weight2.value.pointer, into: dh1, m: rows, n: hidden, k: hidden, transposeB: true)
    Kernels.maskInactive(dh1, activation: h1, count: rows * hidden)
    Kernels.addColumnSums(
      dh1, into: bias1.gradient.pointer, rows: rows, columns: hidden, ones: ones)
    gemm(
      x, dh1, into: weight1.gradient.pointer, m: inputs, n: hidden, k: rows, transposeA: true,
      beta: 1)
    gemm(dh1, weight1.value.pointer, into: dx, m: rows, n: inputs, k: hidden, transposeB: true)
  }

  /// A vector of at least `rows` ones for column sums as `sgemv`, filled when it grows.
  private func onesVector(_ rows: Int) -> UnsafeMutablePointer<Float> {
    let ones = workspace.buffer("ones", count: rows)
    if onesCount < rows {
      ones.update(repeating: 1, count: rows)
      onesCount = rows
    }
    return ones
  }

  /// The same MLP for one point in `Double`.
  func referenceForward(_ x: [Double]) -> [Double] {
    // Through the buffers' pointers: a debug build's property and subscript calls cost ~10× the products,
    // and the gradient checks run this thousands of times.
    func dense(_ input: [Double], _ w: Parameter, _ b: Parameter, _ n: Int, relu: Bool) -> [Double] {
      let (weights, biases) = (w.value, b.value)
      return input.withUnsafeBufferPointer { input in
        (0..<n).map { j in
          var sum = Double(biases.pointer[j])
          var k = 0
          while k < input.count {
            sum += input[k] * Double(weights.pointer[k * n + j])
            k += 1
          }
          return relu ? max(sum, 0) : sum
        }
      }
    }
    let h1 = dense(x, weight1, bias1, hidden, relu: true)
    let h2 = dense(h1, weight2, bias2, hidden, relu: true)
    return dense(h2, weight3, bias3, outputs, relu: false)
  }
}

extension Conditioner {
  /// The BLAS calls of one forward and backward pass over `rows` rows, in the order `forward` and `backward`
  /// make them (kept next to them: a change there changes this list).
  func blasCalls(rows: Int) -> [BLASCall] {
    let (n, h, i, o) = (rows, hidden, inputs, outputs)
    // The piecewise engine makes none: its sweeps replace every product.
    guard engine == .dense else { return [] }
    var calls: [BLASCall] = []
    if i > 1 { calls.append(.gemm(a: "x", b: "W1", c: "h1", m: n, n: h, k: i, beta: 1)) }
    calls += [
      .gemm(a: "h1", b: "W2", c: "h2", m: n, n: h, k: h, beta: 1),
      .gemm(a: "h2", b: "W3", c: "out", m: n, n: o, k: h, beta: 1),
      .gemm(a: "h2", b: "dOut", c: "dW3", m: h, n: o, k: n, transposeA: true, beta: 1),
      .columnSums(matrix: "dOut", sums: "db3", rows: n, columns: o),
      .gemm(a: "dOut", b: "W3", c: "dh2", m: n, n: h, k: o, transposeB: true, beta: 0),
      .columnSums(matrix: "dh2", sums: "db2", rows: n, columns: h),
      .gemm(a: "h1", b: "dh2", c: "dW2", m: h, n: h, k: n, transposeA: true, beta: 1),
      .gemm(a: "dh2", b: "W2", c: "dh1", m: n, n: h, k: h, transposeB: true, beta: 0),
      .columnSums(matrix: "dh1", sums: "db1", rows: n, columns: h),
      .gemm(a: "x", b: "dh1", c: "dW1", m: i, n: h, k: n, transposeA: true, beta: 1),
      .gemm(a: "dh1", b: "W1", c: "dx", m: n, n: i, k: h, transposeB: true, beta: 0),
    ]
    return calls
  }
}
