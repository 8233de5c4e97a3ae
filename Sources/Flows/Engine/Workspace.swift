/// Per-layer scratch buffers that grow to the largest batch seen and are then reused every step.
final class Workspace {
  private var buffers: [String: FloatBuffer] = [:]

  /// The buffer named `name` with room for at least `count` floats (contents unspecified).
  func buffer(_ name: String, count: Int) -> UnsafeMutablePointer<Float> {
    if let existing = buffers[name], existing.count >= count { return existing.pointer }
    let fresh = FloatBuffer(count: count)
    buffers[name] = fresh
    return fresh.pointer
  }
}
