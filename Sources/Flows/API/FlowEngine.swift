/// How a flow evaluates its conditioners: a value given when the flow is built, never changed afterwards.
///
/// A coupling whose conditioner cannot run the requested engine runs `.dense` instead; `Flow.couplingEngines`
/// reports, per coupling, the engine that actually runs (and `flowbook train` prints it).
public enum FlowEngine: String, Codable, CaseIterable, Sendable {
  /// Every matrix product is one `sgemm`, in the autodiff engine's order: rounds exactly like it.
  case dense
  /// One-input conditioners (2-D data) evaluated exactly as piecewise-linear functions of their input:
  /// no hidden×hidden product, O(N·H + H²) per layer instead of O(N·H²). Same function and gradients as
  /// `dense` up to rounding (checked per step). Needs one conditioner input; other conditioners run `dense`.
  case piecewise
  /// Training takes its gradients from the recorded autodiff graph (each layer's `Tensor` form, NeuralNet's
  /// `Adam`); evaluation (`logProb`, `sample`) runs `dense`. The engine for layers that only have a `Tensor`
  /// form (`TensorBijector`).
  case autodiff

  /// The engine a conditioner with `inputs` inputs runs when this one is requested.
  func resolved(inputs: Int) -> FlowEngine {
    switch self {
    case .piecewise: return inputs == 1 ? .piecewise : .dense
    case .dense, .autodiff: return .dense
    }
  }
}
