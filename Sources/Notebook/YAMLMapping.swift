import Foundation
import Yams

/// A YAML mapping whose keys remember their line, so every error can name it.
struct YAMLMapping {
  struct Entry {
    var key: String
    var value: Node
    var line: Int
  }

  var entries: [Entry]
  var file: String

  /// Parses `yaml`, the text starting at line `firstLine` of `file`; the document must be a mapping (or empty).
  static func parse(_ yaml: String, file: String, firstLine: Int) throws(BookError) -> YAMLMapping {
    let node: Node?
    do {
      node = try Yams.compose(yaml: yaml)
    } catch let error as YamlError {
      throw BookError(file: file, line: firstLine + (error.mark?.line ?? 1) - 1, "bad YAML: \(error.problem)")
    } catch {
      throw BookError(file: file, line: firstLine, "bad YAML: \(error)")
    }
    guard let node else { return YAMLMapping(entries: [], file: file) }
    guard let mapping = node.mapping else {
      throw BookError(file: file, line: firstLine, "expected 'key: value' lines")
    }
    let entries = mapping.map { key, value in
      Entry(key: key.string ?? "", value: value, line: firstLine + (key.mark?.line ?? 1) - 1)
    }
    return YAMLMapping(entries: entries, file: file)
  }

  /// The scalar text of `entry`, or an error naming its line.
  func string(_ entry: Entry) throws(BookError) -> String {
    guard let text = entry.value.scalar?.string else {
      throw BookError(file: file, line: entry.line, "'\(entry.key)' must be a single value")
    }
    return text
  }

  /// The scalar texts of `entry`, a list or a single value.
  func strings(_ entry: Entry) throws(BookError) -> [String] {
    if let sequence = entry.value.sequence {
      var texts: [String] = []
      for item in sequence {
        guard let text = item.scalar?.string else {
          throw BookError(file: file, line: entry.line, "'\(entry.key)' must be a list of values")
        }
        texts.append(text)
      }
      return texts
    }
    return [try string(entry)]
  }

  /// Applies `entry` as a cell option default, or throws naming its line.
  func apply(_ entry: Entry, to options: inout CellOptions) throws(BookError) {
    // A list (`depends: [a, b]`) is passed on in the form a `//|` option line gives it.
    let text =
      entry.value.sequence != nil ? "[" + (try strings(entry)).joined(separator: ", ") + "]" : try string(entry)
    if entry.key == "depends" { (options.dependsFile, options.dependsLine) = (file, entry.line) }
    do {
      try options.set(entry.key, to: text)
    } catch {
      throw BookError(file: file, line: entry.line, error.message)
    }
  }
}

extension YamlError {
  fileprivate var mark: Mark? {
    switch self {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
    default: nil
    }
  }

  fileprivate var problem: String {
    switch self {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
      .composer(let context, let problem, _, _):
      ((context.map { "\($0.description) " } ?? "") + problem).replacingOccurrences(of: "\n", with: "")
    default: description
    }
  }
}
