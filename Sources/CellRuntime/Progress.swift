import Foundation

nonisolated(unsafe) private var lastProgressReport = Date.distantPast

/// Reports progress of a long loop (e.g. training) on the terminal running `flowbook build`, not in the page.
///
/// Call it every step; it reports at most five times a second, and always the last step.
public func progress(_ step: Int, of total: Int, _ message: String = "") {
  let now = Date()
  guard step >= total || now.timeIntervalSince(lastProgressReport) >= 0.2 else { return }
  lastProgressReport = now
  emit(.progress, ["step": step, "total": total, "message": message])
}
