import CBLAS
import _FlowKernels

/// The elementwise sweeps of a training step, each one vectorised pass in C (`_FlowKernels`, AVX2 where the
/// CPU has it, chosen at run time); the piecewise engine calls its own kernels there (`fk_pw_…`).
enum Kernels {
  /// `m[i, j] = max(m[i, j], 0)` over `count` entries.
  static func relu(_ m: UnsafeMutablePointer<Float>, count: Int) { fk_relu(m, count) }

  /// Zeroes the entries of `m` where the ReLU output `activation` is 0 (the ReLU's backward pass).
  static func maskInactive(
    _ m: UnsafeMutablePointer<Float>, activation: UnsafePointer<Float>, count: Int
  ) {
    fk_mask_inactive(m, activation, count)
  }

  /// Every row of the rows×columns matrix `m` set to `b`: a bias written before an sgemm with β = 1 adds
  /// the product onto it (as `Tensor.linear` does, so both engines round alike; no separate bias pass).
  static func fillRows(
    _ m: UnsafeMutablePointer<Float>, with b: UnsafePointer<Float>, rows: Int, columns: Int
  ) {
    fk_fill_rows(m, b, rows, columns)
  }

  /// `h[i, j] = max(x[i]·w[j] + b[j], 0)`: a one-input dense layer with its ReLU.
  static func outerProductReLU(
    _ x: UnsafePointer<Float>, weight w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
    into h: UnsafeMutablePointer<Float>, rows: Int, hidden: Int
  ) {
    fk_outer_relu(x, w, b, h, rows, hidden)
  }

  /// `sum[j] += Σ_i m[i, j]` as one `sgemv` with a vector of at least `rows` ones — the same call the
  /// autodiff engine makes for bias gradients, so both round alike.
  static func addColumnSums(
    _ m: UnsafePointer<Float>, into sum: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
    ones: UnsafePointer<Float>
  ) {
    cblas_sgemv(
      CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1, m, Int32(columns), ones, 1, 1, sum,
      1)
  }

  /// `average[i] = decay·average[i] + (1 − decay)·value[i]` (see `WeightAverage`).
  static func average(
    _ average: UnsafeMutablePointer<Float>, with value: UnsafePointer<Float>, count: Int,
    decay: Float
  ) {
    fk_average(average, value, count, decay)
  }

  /// One Adam update of `count` parameters (see `FusedAdam`): moments `m`, `v` and values `theta` in place,
  /// `θ ← θ − lr·(m/c₁)/(√(v/c₂) + ε)` with the operations in NeuralNet's `Adam` order (same rounding).
  static func adamUpdate(
    theta: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
    m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count: Int, beta1: Float, beta2: Float, learningRate: Float,
    correction1: Float, correction2: Float, epsilon: Float
  ) {
    fk_adam(theta, g, m, v, count, beta1, beta2, learningRate, correction1, correction2, epsilon)
  }
}
