import Autodiff
import Foundation

/// How an affine coupling bounds its log-scale `s` from the conditioner's raw output `ŝ`.
///
/// An unbounded `s` lets early updates blow a scale `exp(s)` up to Inf; each bound keeps a layer's scale in a
/// fixed range and composition of layers recovers any range.
/// - `tanh`: `s = tanh(ŝ)`, scale in [1/e, e] (RealNVP implementations);
/// - `glowSigmoid`: `s = log σ(ŝ + 2)`, scale in (0, 1) and ≈ 0.88 at ŝ = 0 (Glow, Kingma & Dhariwal 2018);
/// - `softClamp`: `s = (2c/π)·atan(ŝ/c)` with c = 2, s in (−2, 2), the identity near 0 (Ardizzone et al. 2019);
/// - `unbounded`: `s = ŝ`, no bound at all (the course's ablation of the bound).
public enum ScaleBound: String, Codable, CaseIterable, Sendable {
  case tanh
  case glowSigmoid
  case softClamp
  case unbounded

  /// The limit c of `softClamp`.
  static let clampLimit: Float = 2

  /// `s` from `ŝ`.
  @inline(__always)
  func apply(_ raw: Float) -> Float {
    switch self {
    case .tanh: return tanhf(raw)
    case .glowSigmoid: return -softplusf(-(raw + 2))
    case .softClamp: return 2 * Self.clampLimit / Float.pi * atanf(raw / Self.clampLimit)
    case .unbounded: return raw
    }
  }

  /// ds/dŝ written with the bounded value `s` (what the forward pass keeps).
  @inline(__always)
  func derivative(bounded s: Float) -> Float {
    switch self {
    case .tanh: return 1 - s * s
    // d/dŝ log σ(ŝ + 2) = 1 − σ(ŝ + 2) = 1 − eˢ.
    case .glowSigmoid: return 1 - expf(s)
    // ŝ/c = tan(πs/2c), so 2/π / (1 + (ŝ/c)²) = (2/π)·cos²(πs/2c).
    case .softClamp:
      let c = cosf(Float.pi * s / (2 * Self.clampLimit))
      return 2 / Float.pi * c * c
    case .unbounded: return 1
    }
  }

  /// `s` from `ŝ` in `Double`, for the reference forward pass.
  func apply(_ raw: Double) -> Double {
    switch self {
    case .tanh: return Foundation.tanh(raw)
    case .glowSigmoid: return -softplus(-(raw + 2))
    case .softClamp:
      let c = Double(Self.clampLimit)
      return 2 * c / Double.pi * Foundation.atan(raw / c)
    case .unbounded: return raw
    }
  }

  /// `s` from `ŝ` on tensors, for the autodiff form.
  func apply(_ raw: Tensor) -> Tensor {
    switch self {
    case .tanh: return raw.tanh()
    case .glowSigmoid: return (raw + 2).sigmoid().log()
    case .softClamp:
      let c = Self.clampLimit
      return (raw / c).atan() * (2 * c / Float.pi)
    case .unbounded: return raw
    }
  }
}

/// log(1 + eˣ) in `Float` without overflow.
@inline(__always)
func softplusf(_ x: Float) -> Float { x > 20 ? x : log1pf(expf(x)) }
