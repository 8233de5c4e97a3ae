import CBLAS
import _FlowKernels

/// The elementwise sweeps of a training step, each one vectorised pass: the dense engine's in C
/// (`_FlowKernels`, AVX2 where the CPU has it, chosen at run time), the piecewise engine's with 16-wide SIMD
/// (scalar loops over raw pointers do not vectorise: the compiler cannot rule out aliasing).
enum Kernels {
  typealias Vector = SIMD16<Float>
  static let width = Vector.scalarCount

  @inline(__always)
  static func load(_ p: UnsafePointer<Float>) -> Vector {
    UnsafeRawPointer(p).loadUnaligned(as: Vector.self)
  }

  @inline(__always)
  static func store(_ v: Vector, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector.self)
  }

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

extension Kernels {
  /// `out[c] = max(u·slope[base + c] + offset[base + c], 0)` for `count` (a multiple of `width`) columns.
  static func affineReLU(
    _ u: Float, slope: [Float], offset: [Float], at base: Int,
    into out: UnsafeMutablePointer<Float>,
    count: Int
  ) {
    slope.withUnsafeBufferPointer { a in
      offset.withUnsafeBufferPointer { b in
        let uu = Vector(repeating: u)
        var c = 0
        while c < count {
          let x = uu * load(a.baseAddress! + base + c) + load(b.baseAddress! + base + c)
          store(x.replacing(with: 0, where: x .< 0), out + c)
          c += width
        }
      }
    }
  }

  /// Σ_c x[c]·y[base + c] over `count` (a multiple of `width`) entries.
  static func dot(_ x: UnsafePointer<Float>, _ y: [Float], at base: Int, count: Int) -> Float {
    y.withUnsafeBufferPointer { yb in
      var total = Vector(repeating: 0)
      var c = 0
      while c < count {
        total += load(x + c) * load(yb.baseAddress! + base + c)
        c += width
      }
      return total.sum()
    }
  }

  /// `p[c] += x[c]`, `q[c] += scale·x[c]` in `Double` for a row of `p.count` (a multiple of 8) entries.
  static func accumulate(
    _ x: UnsafePointer<Float>, scale: Double, p: inout [Double], q: inout [Double]
  ) {
    typealias Wide = SIMD8<Double>
    let s = Wide(repeating: scale)
    p.withUnsafeMutableBufferPointer { pb in
      q.withUnsafeMutableBufferPointer { qb in
        let pp = UnsafeMutableRawPointer(pb.baseAddress!)
        let qp = UnsafeMutableRawPointer(qb.baseAddress!)
        var c = 0
        while c < pb.count {
          let v = Wide(UnsafeRawPointer(x + c).loadUnaligned(as: SIMD8<Float>.self))
          let offset = c * MemoryLayout<Double>.stride
          pp.storeBytes(
            of: pp.loadUnaligned(fromByteOffset: offset, as: Wide.self) + v, toByteOffset: offset,
            as: Wide.self)
          qp.storeBytes(
            of: qp.loadUnaligned(fromByteOffset: offset, as: Wide.self) + s * v,
            toByteOffset: offset, as: Wide.self)
          c += 8
        }
      }
    }
  }
}
