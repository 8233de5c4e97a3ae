import Foundation

extension Layer {
  /// Writes the parameters to `path` (see `ParameterFile` for the format).
  public func save(to path: String) throws(ParameterFileError) {
    do {
      try ParameterFile.encode(parameters).write(to: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }

  /// Replaces the parameters with those saved at `path`, after checking the count and every shape.
  public func load(from path: String) throws(ParameterFileError) {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
    try ParameterFile.decode(data, into: parameters, path: path)
  }
}
