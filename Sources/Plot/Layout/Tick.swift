import Foundation

/// A tick mark: a data value and its label (label markup, e.g. `10^{-3}`).
public struct Tick: Sendable, Hashable {
  /// The data value.
  public var value: Double
  /// Its label (label markup).
  public var label: String

  /// A tick at `value` labelled `label`.
  public init(value: Double, label: String) {
    self.value = value
    self.label = label
  }
}

/// Picks "nice" tick values (steps of 1, 2, 2.5 or 5 × 10^k, or whole decades on a log axis)
/// and formats their labels with as few decimals as the step needs.
enum TickLocator {
  /// At most about `maxCount` ticks inside `range` (data units) on a `scale` axis.
  static func ticks(in range: ClosedRange<Double>, scale: Scale, maxCount: Int) -> [Tick] {
    switch scale {
    case .linear: linear(range, maxCount: maxCount)
    case .log: logarithmic(range, maxCount: maxCount)
    }
  }

  static func linear(_ range: ClosedRange<Double>, maxCount: Int) -> [Tick] {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite else {
      return [Tick(value: range.lowerBound, label: format([range.lowerBound]).first!)]
    }
    let step = niceStep(span / Double(max(maxCount - 1, 1)))
    let first = (range.lowerBound / step - 1e-9).rounded(.up)
    let last = (range.upperBound / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    let values = stride(from: first, through: last, by: 1).map { k -> Double in
      let v = k * step
      return abs(v) < step * 1e-9 ? 0 : v
    }
    return zip(values, format(values, step: step)).map { Tick(value: $0, label: $1) }
  }

  static func logarithmic(_ range: ClosedRange<Double>, maxCount: Int) -> [Tick] {
    let low = (log10(range.lowerBound) - 1e-9).rounded(.up)
    let high = (log10(range.upperBound) + 1e-9).rounded(.down)
    guard high - low >= 2 else { return fewDecades(range, maxCount: maxCount) }
    let stride = max(1, ((high - low + 1) / Double(max(maxCount, 1))).rounded(.up))
    return Swift.stride(from: low, through: high, by: stride).map { exponent in
      Tick(value: pow(10, exponent), label: "10^{\(minusSigned(String(Int(exponent))))}")
    }
  }

  /// Ticks at 1, 2 and 5 × 10^k (or 1 and 3 × 10^k) for log axes spanning less than about two decades,
  /// where decades alone would leave one or two labels; linear ticks within a single decade.
  private static func fewDecades(_ range: ClosedRange<Double>, maxCount: Int) -> [Tick] {
    let first = floor(log10(range.lowerBound))
    let last = floor(log10(range.upperBound))
    for multiples in [[1.0, 2, 5], [1, 3], [1]] {
      let values = Swift.stride(from: first, through: last, by: 1).flatMap { e in
        multiples.map { $0 * pow(10, e) }
      }
      .filter { range.contains($0) }
      if values.count >= 3, values.count <= maxCount {
        return values.map { v in
          let label =
            abs(log10(v)) < 5
            ? String(format: "%.\(max(0, Int(-floor(log10(v) + 1e-9))))f", v) : format([v])[0]
          return Tick(value: v, label: label)
        }
      }
    }
    return linear(range, maxCount: maxCount).filter { $0.value > 0 }
  }

  /// The smallest of 1, 2, 2.5, 5, 10 × 10^k that is at least `raw`.
  static func niceStep(_ raw: Double) -> Double {
    let magnitude = pow(10, floor(log10(raw)))
    for multiple in [1, 2, 2.5, 5] where multiple * magnitude >= raw * (1 - 1e-9) {
      return multiple * magnitude
    }
    return 10 * magnitude
  }

  /// Labels for values on a common `step`: plain decimals for magnitudes up to 10^6 and steps down to
  /// 10^-5 (so 1e-3…1e5 reads naturally), otherwise `m×10^{e}` with one exponent for the axis.
  static func format(_ values: [Double], step: Double? = nil) -> [String] {
    let largest = values.map(abs).max() ?? 0
    let step = step ?? (largest == 0 ? 1 : largest)
    let plainDecimals = decimals(for: step)
    if largest < 1e6, plainDecimals <= 5 {
      return values.map { minusSigned(String(format: "%.\(plainDecimals)f", $0)) }
    }
    let exponent = floor(log10(largest))
    let scaledDecimals = decimals(for: step / pow(10, exponent))
    return values.map { value in
      guard value != 0 else { return "0" }
      let mantissa = String(format: "%.\(scaledDecimals)f", value / pow(10, exponent))
      return minusSigned("\(mantissa)×10^{\(Int(exponent))}")
    }
  }

  /// How many decimals show `step` exactly (0 for whole numbers, 1 for 0.5 or 2.5, …).
  static func decimals(for step: Double) -> Int {
    for d in 0...12 {
      let scaled = step * pow(10, Double(d))
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
    }
    return 12
  }

  /// Typesets negative numbers with a true minus sign (U+2212), as printed mathematics does.
  static func minusSigned(_ text: String) -> String {
    text.replacingOccurrences(of: "-", with: "\u{2212}")
  }
}
