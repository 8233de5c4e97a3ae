@_exported import Autodiff

/// A differentiable function with parameters — FlowBook's `torch.nn.Module`.
///
/// A layer is a struct holding its parameter tensors (leaves with `requiresGradient`) and constant
/// configuration. Tensors are references, so a copy of a layer shares its parameters with the
/// original; an optimiser built from `layer.parameters` updates the layer in place.
public protocol Layer {
  /// Every trainable tensor, in a fixed order (the order `save(to:)` writes them in).
  var parameters: [Tensor] { get }
  /// Applies the layer to a batch `[batch, features]`.
  func callAsFunction(_ input: Tensor) -> Tensor
}

extension Layer {
  /// The number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}
