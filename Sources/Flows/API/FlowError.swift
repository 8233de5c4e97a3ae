/// What can go wrong when building, training, saving or loading a flow; each case names the culprit.
public enum FlowError: Error, Equatable, CustomStringConvertible {
  /// A configuration value is out of range, e.g. an odd number of alternating couplings.
  case invalidConfiguration(String)
  /// A dataset name that is not one of `ToyDataset.allCases`.
  case unknownDataset(String)
  /// Training produced NaN or Inf at `step` (1-based); `layer` names the first layer with non-finite output, if found.
  case nonFinite(step: Int, layer: String?)
  /// A saved model file that cannot be read as a flow.
  case corruptModel(path: String, reason: String)
  /// A saved model written by an incompatible version of the format.
  case unsupportedVersion(path: String, found: Int, supported: Int)

  public var description: String {
    switch self {
    case .invalidConfiguration(let message): return "invalid flow configuration: \(message)"
    case .unknownDataset(let name):
      return
        "unknown dataset '\(name)'; choose one of: \(ToyDataset.allCases.map(\.rawValue).joined(separator: ", "))"
    case .nonFinite(let step, let layer):
      return "training diverged: the loss became NaN or Inf at step \(step)"
        + (layer.map { " (first non-finite output in \($0))" } ?? "")
        + "; lower the learning rate or enable gradient clipping"
    case .corruptModel(let path, let reason):
      return "\(path): not a valid FlowBook flow file (\(reason))"
    case .unsupportedVersion(let path, let found, let supported):
      return
        "\(path): flow file format version \(found) is not supported (this FlowBook reads version \(supported))"
    }
  }
}
