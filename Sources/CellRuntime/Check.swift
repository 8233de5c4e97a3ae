import CellProtocol
import Foundation

/// Records a named check of the current cell: shown in the page as ✔ or ✘ with `message`, kept in
/// `build.json` under the cell, and a failed one makes `flowbook build` exit non-zero, listed at the chapter
/// line of the call. The cell goes on either way, so the checks after a failed one still give their verdict.
///
/// ```swift
/// check("masks alternate", masks[0] != masks[1], "layers 1 and 2 both keep x₁")
/// ```
/// Returns `condition`.
@discardableResult
public func check(
  _ name: String, _ condition: Bool, _ message: @autoclosure () -> String = "",
  file: StaticString = #filePath, line: UInt = #line
) -> Bool {
  emit(
    .check,
    [
      "name": name, "passed": condition, "message": message(), "file": "\(file)", "line": Int(line),
    ])
  return condition
}

/// Records a check that `value` (an error, a discrepancy) is below `tolerance`; NaN and infinity fail.
///
/// The message states the figure: `what` (default "worst error"), the value, `at` when given, and the
/// tolerance, e.g. "✘ log-det matches Jacobian: worst error 0.73 at sample 12 (tolerance 1e-4)"; a failed
/// check adds `hint`, the likely cause, when there is one.
///
/// ```swift
/// check("round trip", worst.value, below: 1e-5, what: "worst |f⁻¹(f(x)) − x|", at: "sample \(worst.index)")
/// ```
/// Returns whether it passed.
@discardableResult
public func check<Value: BinaryFloatingPoint>(
  _ name: String, _ value: Value, below tolerance: Double, what: String = "worst error", at place: String? = nil,
  hint: String? = nil, file: StaticString = #filePath, line: UInt = #line
) -> Bool {
  let number = Double(value)
  let passed = number.isFinite && number < tolerance
  let location = place.map { " at \($0)" } ?? ""
  var message = "\(what) \(CheckNumber.text(number))\(location) (tolerance \(CheckNumber.text(tolerance)))"
  if !passed, let hint { message += ": " + hint }
  return check(name, passed, message, file: file, line: line)
}

/// The largest of `values` and where it is, for tolerance checks: `largest(errors)` → `(0.73, 12)`.
/// NaN counts as largest, so a check on it fails and names its position; an empty array gives `(0, 0)`.
public func largest(_ values: [Double]) -> (value: Double, index: Int) {
  guard var best = values.first.map({ (value: $0, index: 0) }) else { return (0, 0) }
  for (index, value) in values.enumerated() {
    if value.isNaN { return (value, index) }
    if value > best.value { best = (value, index) }
  }
  return best
}

/// Numbers in check messages: 0.73, 12.5, 1e-4, 5.7e-7 — short, and exact enough to act on.
enum CheckNumber {
  static func text(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return value.isNaN ? "NaN" : value == 0 ? "0" : "\(value)" }
    let exponent = Int(floor(log10(abs(value))))
    if (-3..<4).contains(exponent) { return String(format: "%.3g", value) }
    let mantissa = String(format: "%.2g", value / pow(10, Double(exponent)))
    return "\(mantissa)e\(exponent)"
  }
}
