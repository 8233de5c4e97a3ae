/// How a flow evaluates its conditioners during training and evaluation.
public enum FlowEngine: String, Codable, CaseIterable, Sendable {
  /// Every matrix product is one `sgemm`, in the same order as the autodiff engine, so losses agree with
  /// `AutodiffFlow` to float rounding over whole training runs. The verified reference engine.
  case dense
  /// One-input conditioners (2-D data) evaluated exactly as piecewise-linear functions of their input:
  /// no hidden×hidden product, O(N·H + H²) per layer instead of O(N·H²). Same function and gradients as
  /// `dense` up to rounding (checked per step); other conditioners fall back to `dense`.
  case piecewise
}
