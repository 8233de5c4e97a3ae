/// Per-layer scratch buffers that grow to the largest batch seen and are then reused every step.
///
/// Buffers are looked up by name at each use and never handed out to be kept: a layer that needs a value
/// in its backward pass copies it into one of its own buffers (`keep`) during the forward pass.
final class Workspace {
  private var buffers: [String: FloatBuffer] = [:]

  /// The buffer named `name` with room for at least `count` floats (contents unspecified).
  func buffer(_ name: String, count: Int) -> UnsafeMutablePointer<Float> {
    if let existing = buffers[name], existing.count >= count { return existing.pointer }
    let fresh = FloatBuffer(count: count)
    buffers[name] = fresh
    return fresh.pointer
  }

  /// Copies `count` floats from `source` into the buffer named `name`, for a later pass to read.
  func keep(_ source: UnsafePointer<Float>, count: Int, as name: String) {
    buffer(name, count: count).update(from: source, count: count)
  }
}

/// What a layer saved in its last forward pass for the backward pass: the number of rows, so a backward
/// pass over a different batch (or before any forward) stops with a message instead of reading stale data.
struct SavedForward {
  private(set) var rows: Int?

  /// Records a forward pass over `rows` rows.
  mutating func record(rows: Int) { self.rows = rows }

  /// Stops unless the last forward pass of `layer` was over exactly `rows` rows.
  func check(rows: Int, layer: String) {
    precondition(
      self.rows == rows,
      "\(layer).backward over \(rows) rows needs a forward pass over the same rows first (last: \(self.rows.map(String.init) ?? "none"))"
    )
  }
}
