/// The recipe of a RealNVP-style flow; `realNVP8x128` is the course's canonical "RealNVP-8x128".
///
/// Each of the `couplings` steps is `[ActNorm] → [LULinear] → AffineCoupling`, with the coupling masks
/// alternating (step k keeps the even coordinates when k is even, the odd ones when k is odd).
public struct FlowConfiguration: Codable, Equatable, Sendable {
  /// Dimension of the data.
  public var dimension: Int
  /// Number of affine couplings; even and ≥ 2 so every coordinate is transformed equally often.
  public var couplings: Int
  /// Width of the conditioner's two hidden layers.
  public var hidden: Int
  /// Put an ActNorm before each coupling.
  public var actNorm: Bool
  /// Put an LU-parameterised invertible linear layer before each coupling.
  public var luLinear: Bool
  /// Start every conditioner's output layer at zero, so the untrained flow is the identity.
  public var zeroInitialised: Bool
  /// How each coupling bounds its log-scale (`tanh`, Glow's `log σ(ŝ + 2)`, or a soft clamp).
  public var scaleBound: ScaleBound

  /// A configuration; call `validate()` (flows do) before use.
  public init(
    dimension: Int = 2, couplings: Int = 8, hidden: Int = 128, actNorm: Bool = false,
    luLinear: Bool = false, zeroInitialised: Bool = false, scaleBound: ScaleBound = .tanh
  ) {
    self.dimension = dimension
    self.couplings = couplings
    self.hidden = hidden
    self.actNorm = actNorm
    self.luLinear = luLinear
    self.zeroInitialised = zeroInitialised
    self.scaleBound = scaleBound
  }

  /// 8 couplings with conditioners 1→128→128→2, nothing else: the reference configuration of the issue.
  public static let realNVP8x128 = FlowConfiguration()

  /// Throws `FlowError.invalidConfiguration` naming the first value out of range.
  public func validate() throws {
    guard dimension >= 2 else {
      throw FlowError.invalidConfiguration("dimension must be ≥ 2, got \(dimension)")
    }
    guard couplings >= 2, couplings % 2 == 0 else {
      throw FlowError.invalidConfiguration(
        "couplings must be even and ≥ 2 (alternating masks transform each half equally often), got \(couplings)"
      )
    }
    guard hidden >= 1, hidden <= 4096 else {
      throw FlowError.invalidConfiguration("hidden width must be in 1…4096, got \(hidden)")
    }
    guard dimension <= 4096, couplings <= 4096 else {
      throw FlowError.invalidConfiguration(
        "dimension and couplings must each be ≤ 4096, got \(dimension) and \(couplings)")
    }
    // A bound on memory, checked before anything is allocated (a corrupt saved model could ask for more).
    let (d, h) = (Double(dimension), Double(hidden))
    let perStep = 3 * d * h + h * h + 2 * h + 2 * d + (actNorm ? 2 * d : 0) + (luLinear ? d * d + 2 * d : 0)
    let parameters = Double(couplings) * perStep
    guard parameters <= Self.maximumParameters else {
      throw FlowError.invalidConfiguration(
        "the flow would have about \(Int(parameters)) parameters, more than the \(Int(Self.maximumParameters)) "
          + "FlowBook trains in memory; use fewer couplings or a smaller hidden width")
    }
  }

  /// The most trainable scalars a flow may have (with Adam's moments and gradients, about 1.6 GB).
  static let maximumParameters = 100_000_000.0

  /// The coupling mask of step `k`: `true` keeps a coordinate.
  public func mask(forStep k: Int) -> [Bool] {
    (0..<dimension).map { ($0 % 2 == 0) == (k % 2 == 0) }
  }
}
