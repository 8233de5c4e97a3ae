/// A parameter file that cannot be loaded into the given layer.
public enum ParameterFileError: Error, CustomStringConvertible, Equatable {
  /// The file could not be read or written.
  case unreadable(path: String, reason: String)
  /// The file does not start with the `FBPARAMS` magic.
  case notAParameterFile(path: String)
  /// The file has a format version this code does not know.
  case unsupportedVersion(path: String, version: Int)
  /// The file holds a different number of tensors than the layer has.
  case parameterCountMismatch(path: String, expected: Int, found: Int)
  /// Tensor `index` has another shape in the file than in the layer.
  case shapeMismatch(path: String, index: Int, expected: [Int], found: [Int])
  /// The file ends before all scalars were read.
  case truncated(path: String)
  /// The file goes on after the last tensor.
  case trailingBytes(path: String)

  /// One line naming the file and what does not fit.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): cannot access parameter file: \(reason)"
    case .notAParameterFile(let path): "\(path): not a FlowBook parameter file (no FBPARAMS header)"
    case .unsupportedVersion(let path, let version):
      "\(path): parameter file version \(version) is not supported (expected \(ParameterFile.version))"
    case .parameterCountMismatch(let path, let expected, let found):
      "\(path): file holds \(found) tensors, the model has \(expected)"
    case .shapeMismatch(let path, let index, let expected, let found):
      "\(path): tensor \(index) has shape \(found) in the file, the model expects \(expected)"
    case .truncated(let path): "\(path): parameter file ends early (truncated)"
    case .trailingBytes(let path): "\(path): parameter file has extra bytes after the last tensor"
    }
  }
}
