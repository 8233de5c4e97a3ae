/// The nonlinearity an `MLP` puts between its layers.
public enum Activation: Sendable, Equatable {
  /// `max(x, 0)`.
  case relu
  /// `x` where positive, else `negativeSlope · x`.
  case leakyRelu(negativeSlope: Float)
  /// `tanh x`.
  case tanh
  /// `1/(1 + e⁻ˣ)`.
  case sigmoid
  /// `log(1 + eˣ)`.
  case softplus

  /// Applies the activation elementwise.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    switch self {
    case .relu: x.relu()
    case .leakyRelu(let negativeSlope): x.leakyRelu(negativeSlope: negativeSlope)
    case .tanh: x.tanh()
    case .sigmoid: x.sigmoid()
    case .softplus: x.softplus()
    }
  }
}
