import CBLAS

/// The elementwise sweeps of a training step, written with 16-wide SIMD so each is one vectorised pass
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

  /// `m[i, j] = max(m[i, j] + b[j], 0)`.
  static func addBiasAndReLU(
    _ m: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, rows: Int, columns: Int
  ) {
    let vectorEnd = columns - columns % width
    for i in 0..<rows {
      let row = m + i * columns
      var j = 0
      while j < vectorEnd {
        // A select, not `pointwiseMax`, which compiles to a scalar loop (it handles NaN per IEEE).
        let x = load(row + j) + load(b + j)
        store(x.replacing(with: 0, where: x .< 0), row + j)
        j += width
      }
      while j < columns {
        row[j] = max(row[j] + b[j], 0)
        j += 1
      }
    }
  }

  /// Zeroes the entries of `m` where the ReLU output `activation` is 0 (the ReLU's backward pass).
  static func maskInactive(
    _ m: UnsafeMutablePointer<Float>, activation: UnsafePointer<Float>, count: Int
  ) {
    let vectorEnd = count - count % width
    var j = 0
    while j < vectorEnd {
      store(load(m + j).replacing(with: 0, where: load(activation + j) .<= 0), m + j)
      j += width
    }
    while j < count {
      if activation[j] <= 0 { m[j] = 0 }
      j += 1
    }
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

  /// One Adam update of `count` parameters (see `FusedAdam`): moments `m`, `v` and values `theta` in place,
  /// `θ ← θ − lr·(m/c₁)/(√(v/c₂) + ε)` with the operations in NeuralNet's `Adam` order (same rounding).
  static func adamUpdate(
    theta: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
    m: UnsafeMutablePointer<Float>,
    v: UnsafeMutablePointer<Float>, count: Int, beta1: Float, beta2: Float, learningRate: Float,
    correction1: Float, correction2: Float, epsilon: Float
  ) {
    let vectorEnd = count - count % width
    let b1 = Vector(repeating: beta1)
    let b2 = Vector(repeating: beta2)
    let c1 = Vector(repeating: 1 - beta1)
    let c2 = Vector(repeating: 1 - beta2)
    let k1 = Vector(repeating: correction1)
    let k2 = Vector(repeating: correction2)
    let eps = Vector(repeating: epsilon)
    let lr = Vector(repeating: learningRate)
    var i = 0
    while i < vectorEnd {
      let gi = load(g + i)
      let mi = b1 * load(m + i) + c1 * gi
      let vi = b2 * load(v + i) + c2 * gi * gi
      store(mi, m + i)
      store(vi, v + i)
      store(load(theta + i) - lr * (mi / k1) / ((vi / k2).squareRoot() + eps), theta + i)
      i += width
    }
    while i < count {
      let gi = g[i]
      m[i] = beta1 * m[i] + (1 - beta1) * gi
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
      theta[i] -=
        learningRate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + epsilon)
      i += 1
    }
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
