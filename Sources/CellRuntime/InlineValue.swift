import CellProtocol

/// Called by the generated chapter program after the cells, once for each `` `{swift} expr` `` in the
/// chapter's prose (0-based `index` in reading order): the value's `description` goes in its place.
public func _inlineValue<Value>(_ index: Int, _ value: () -> Value) {
  evaluatingInline = true
  emit(.beginInline, ["index": index])
  emit(.inlineValue, ["index": index, "text": String(describing: value())])
}

/// Whether the cells are done and the program evaluates inline expressions, whose code no `memo` key covers.
nonisolated(unsafe) var evaluatingInline = false
