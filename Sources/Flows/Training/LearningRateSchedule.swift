import Foundation

/// How the learning rate changes over a run of `steps` steps.
public enum LearningRateSchedule: String, Codable, CaseIterable, Sendable {
  /// The base learning rate at every step.
  case constant
  /// Cosine annealing to zero (PyTorch `CosineAnnealingLR(T_max = steps)`): lr·(1 + cos(π·t/steps))/2 at step t (0-based).
  case cosine

  /// The learning rate at 0-based step `step` of `steps`.
  public func learningRate(base: Float, step: Int, steps: Int) -> Float {
    switch self {
    case .constant: return base
    case .cosine:
      return base * Float(0.5 * (1 + cos(Double.pi * Double(step) / Double(max(steps, 1)))))
    }
  }
}
