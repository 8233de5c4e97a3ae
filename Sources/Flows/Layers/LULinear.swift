import Foundation

/// An invertible linear layer, the D-dimensional analogue of Glow's invertible 1×1 convolution, LU-parameterised
/// as in Glow and nflows' `LULinear`:
///
///     z = W·x + b,   W = L·U,   L unit lower-triangular,   U upper-triangular with U_ii = softplus(ũ_i) + 1e-3,
///     logDet = Σ_i log U_ii  (the same for every point).
///
/// The positive diagonal keeps W invertible throughout training. Cost per point: forward O(D²),
/// log-det O(D) instead of O(D³) for a general determinant, inverse two triangular solves O(D²).
/// Starts as the identity (L = U = I, b = 0).
public final class LULinear: FlowLayer {
  /// The dimension D of the points.
  public let dimension: Int
  /// The strictly lower entries of L, row by row.
  public let lower: Parameter
  /// The strictly upper entries of U, row by row.
  public let upper: Parameter
  /// ũ, the unconstrained diagonal of U.
  public let diagonal: Parameter
  /// The shift b.
  public let bias: Parameter
  /// The layer's name; prefixes its parameter names.
  public let name: String
  private let workspace = Workspace()
  private var saved = SavedForward()
  static let diagonalFloor: Float = 1e-3

  /// The identity map over `dimension` coordinates; `name` prefixes parameter names.
  public init(dimension: Int, name: String = "lulinear") {
    precondition(dimension >= 2, "LULinear needs dimension ≥ 2, got \(dimension)")
    self.dimension = dimension
    self.name = name
    let triangle = dimension * (dimension - 1) / 2
    lower = Parameter(name: name + ".lower", values: Array(repeating: 0, count: triangle))
    upper = Parameter(name: name + ".upper", values: Array(repeating: 0, count: triangle))
    // softplus(ũ) + floor = 1  ⇔  ũ = log(exp(1 − floor) − 1).
    diagonal = Parameter(
      name: name + ".diagonal",
      values: Array(repeating: log(exp(1 - Self.diagonalFloor) - 1), count: dimension))
    bias = Parameter(name: name + ".bias", values: Array(repeating: 0, count: dimension))
  }

  /// The trainable parameters, by name, in a fixed order.
  public var parameters: [Parameter] { [lower, upper, diagonal, bias] }
  var kind: String { "lulinear" }

  /// L and U as dense row-major D×D matrices, in `Double`.
  func factors() -> (l: [Double], u: [Double]) {
    let d = dimension
    var l = [Double](repeating: 0, count: d * d)
    var u = l
    var lowerIndex = 0
    var upperIndex = 0
    for i in 0..<d {
      l[i * d + i] = 1
      u[i * d + i] = softplus(Double(diagonal.value[i])) + Double(Self.diagonalFloor)
      for j in 0..<i {
        l[i * d + j] = Double(lower.value[lowerIndex])
        lowerIndex += 1
      }
      for j in (i + 1)..<d {
        u[i * d + j] = Double(upper.value[upperIndex])
        upperIndex += 1
      }
    }
    return (l, u)
  }

  /// W = L·U, row-major.
  public var weight: [Double] {
    let (l, u) = factors()
    let d = dimension
    return (0..<(d * d)).map { index in
      (0..<d).reduce(0) { $0 + l[index / d * d + $1] * u[$1 * d + index % d] }
    }
  }

  private var logDeterminant: Float {
    Float(
      (0..<dimension).reduce(0.0) {
        $0 + log(softplus(Double(diagonal.value[$1])) + Double(Self.diagonalFloor))
      })
  }

  func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let w = weight.map(Float.init)
    let d = dimension
    let total = logDeterminant
    for i in 0..<rows {
      for r in 0..<d {
        var sum = bias.value[r]
        for c in 0..<d { sum += w[r * d + c] * x[i * d + c] }
        y[i * d + r] = sum
      }
      logDet[i] += total
    }
    workspace.keep(x, count: rows * dimension, as: "input")
    saved.record(rows: rows)
  }

  func inverse(
    _ y: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>,
    addingLogDetTo logDet: UnsafeMutablePointer<Float>, rows: Int
  ) {
    let (l, u) = factors()
    let d = dimension
    let total = logDeterminant
    var v = [Double](repeating: 0, count: d)
    for i in 0..<rows {
      // Solve L·v = y − b, then U·x = v.
      for r in 0..<d {
        var sum = Double(y[i * d + r] - bias.value[r])
        for c in 0..<r { sum -= l[r * d + c] * v[c] }
        v[r] = sum
      }
      for r in stride(from: d - 1, through: 0, by: -1) {
        var sum = v[r]
        for c in (r + 1)..<d { sum -= u[r * d + c] * Double(x[i * d + c]) }
        x[i * d + r] = Float(sum / u[r * d + r])
      }
      logDet[i] -= total
    }
  }

  func backward(
    outputGradient dy: UnsafePointer<Float>, inputGradient dx: UnsafeMutablePointer<Float>,
    logDetGradient: Float, rows: Int
  ) {
    saved.check(rows: rows, layer: name)
    let x = workspace.buffer("input", count: rows * dimension)
    let (l, u) = factors()
    let w = weight
    let d = dimension
    var dw = [Double](repeating: 0, count: d * d)
    for i in 0..<rows {
      for c in 0..<d {
        var sum: Double = 0
        for r in 0..<d {
          let g = Double(dy[i * d + r])
          sum += g * w[r * d + c]
          dw[r * d + c] += g * Double(x[i * d + c])
        }
        dx[i * d + c] = Float(sum)
      }
      for r in 0..<d { bias.gradient[r] += dy[i * d + r] }
    }
    // W = L·U:  dL = dW·Uᵀ (strictly lower part), dU = Lᵀ·dW (upper part).
    var lowerIndex = 0
    var upperIndex = 0
    for i in 0..<d {
      for j in 0..<i {
        lower.gradient[lowerIndex] += Float(
          (0..<d).reduce(0) { $0 + dw[i * d + $1] * u[j * d + $1] })
        lowerIndex += 1
      }
      for j in i..<d {
        let g = (0..<d).reduce(0) { $0 + l[$1 * d + i] * dw[$1 * d + j] }
        if j == i {
          let raw = Double(diagonal.value[i])
          let total = g + Double(rows) * Double(logDetGradient) / u[i * d + i]
          diagonal.gradient[i] += Float(total / (1 + Foundation.exp(-raw)))
        } else {
          upper.gradient[upperIndex] += Float(g)
          upperIndex += 1
        }
      }
    }
  }

  /// The same forward map for one point in `Double`: the reference finite-difference Jacobians are taken of.
  public func referenceForward(_ x: [Double]) -> (z: [Double], logDet: Double)? {
    let w = weight
    let d = dimension
    let z = (0..<d).map { r in
      Double(bias.value[r]) + (0..<d).reduce(0) { $0 + w[r * d + $1] * x[$1] }
    }
    let u = factors().u
    return (z, (0..<d).reduce(0.0) { $0 + log(u[$1 * d + $1]) })
  }
}

/// log(1 + eˣ) without overflow.
func softplus(_ x: Double) -> Double { x > 20 ? x : log1p(exp(x)) }
