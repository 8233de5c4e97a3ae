import Foundation

extension ToyDataset {
  /// Whether the true density is known in closed form (checkerboard and 8 gaussians).
  public var hasKnownDensity: Bool { self == .checkerboard || self == .eightGaussians }

  /// The true log-density at every point of `x`, where known (`-infinity` off the support); nil otherwise.
  /// For heat maps beside the learned density, and for the bound on the test NLL.
  public func logDensity(_ x: Batch) -> [Float]? {
    precondition(
      x.dimension == 2, "the toy datasets are 2-D, got points of dimension \(x.dimension)")
    switch self {
    case .checkerboard:
      return (0..<x.count).map { i in
        let a = x.values[2 * i]
        let b = x.values[2 * i + 1]
        guard abs(a) < 4, abs(b) < 4 else { return -.infinity }
        let cell = Int(floor(a / 2)) + Int(floor(b / 2))
        return cell & 1 == 0 ? -Float(log(32.0)) : -.infinity
      }
    case .eightGaussians:
      let sigma = 0.5 / 1.414
      let norm = -log(8 * 2 * Double.pi * sigma * sigma)
      return (0..<x.count).map { i in
        let a = Double(x.values[2 * i])
        let b = Double(x.values[2 * i + 1])
        let terms = Self.eightCenters.map { c -> Double in
          let dx = a - 4 * Double(c.0) / 1.414
          let dy = b - 4 * Double(c.1) / 1.414
          return -(dx * dx + dy * dy) / (2 * sigma * sigma)
        }
        let top = terms.max()!
        return Float(norm + top + log(terms.reduce(0) { $0 + exp($1 - top) }))
      }
    default:
      return nil
    }
  }

  /// The differential entropy in nats where known in closed form: log 32 = 3.4657 for the checkerboard.
  /// The expected test NLL of any model is at least this (Gibbs' inequality).
  public var entropy: Double? { self == .checkerboard ? log(32.0) : nil }
}
