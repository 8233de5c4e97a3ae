import Foundation

/// The exercises of a book: code between `// BEGIN SOLUTION <name>` and `// END SOLUTION` in a chapter's cells
/// or the shared source, which `flowbook student` replaces by a stub.
///
/// The comment lines right after `BEGIN SOLUTION` are the exercise's prompt (the task, the shapes, the equation):
/// both editions keep them. The student edition puts `exercise("<name>")` in place of the code, which stops the
/// chapter with "exercise <name> not done yet" when reached, and compiles wherever the code stood inside a
/// function body, since `exercise` returns `Never`.
///
/// ```swift
/// func forward(_ x: Tensor) -> (y: Tensor, logDet: Tensor) {
///   // BEGIN SOLUTION 2.1 forward pass
///   // y = b ⊙ x + (1 − b) ⊙ (x ⊙ exp(s) + t), x and y of shape [n, 2].
///   …
///   // END SOLUTION
/// }
/// ```
public struct SolutionRegion: Sendable, Equatable {
  /// The exercise's name, e.g. "2.1 forward pass".
  public var name: String
  /// The file, relative to the book, e.g. `chapters/02-affine-coupling.md`.
  public var file: String
  /// 1-based lines of the `BEGIN SOLUTION` and `END SOLUTION` markers.
  public var begin: Int
  public var end: Int
  /// The leading whitespace of the `BEGIN SOLUTION` line.
  public var indentation: String
  /// The prompt: the comment lines right after `BEGIN SOLUTION`, as written.
  public var prompt: [String]

  static let beginMarker = "// BEGIN SOLUTION"
  static let endMarker = "// END SOLUTION"

  /// The regions of `text` (a chapter or a Swift file) in order; an unclosed, nested or unnamed region, or an
  /// `END` without a `BEGIN`, is an error at its line.
  public static func scan(_ text: String, file: String) throws(BookError) -> [SolutionRegion] {
    var regions: [SolutionRegion] = []
    var open: SolutionRegion?
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (offset, raw) in lines.enumerated() {
      let line = raw.drop { $0 == " " || $0 == "\t" }
      let number = offset + 1
      if line.hasPrefix(beginMarker) {
        if let open {
          throw BookError(
            file: file, line: number,
            "solution region inside the region '\(open.name)' opened at line \(open.begin); close it first with \(endMarker)"
          )
        }
        let name = line.dropFirst(beginMarker.count).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
          throw BookError(file: file, line: number, "name the exercise: \(beginMarker) 2.1 forward pass")
        }
        open = SolutionRegion(
          name: name, file: file, begin: number, end: number, indentation: String(raw.prefix(raw.count - line.count)),
          prompt: [])
      } else if line.hasPrefix(endMarker) {
        guard var region = open else {
          throw BookError(file: file, line: number, "\(endMarker) without a \(beginMarker) <name> before it")
        }
        region.end = number
        regions.append(region)
        open = nil
      } else if var region = open, region.prompt.count == number - region.begin - 1, line.hasPrefix("//") {
        region.prompt.append(String(raw))
        open = region
      } else if open != nil, line.hasPrefix("```") {
        throw BookError(
          file: file, line: open!.begin,
          "solution region '\(open!.name)' is not closed in its cell; end it with \(endMarker)")
      }
    }
    if let open {
      throw BookError(
        file: file, line: open.begin, "solution region '\(open.name)' is never closed; end it with \(endMarker)")
    }
    return regions
  }

  /// Throws at the second use when two regions of `regions` (from all files of a book) share a name.
  public static func requireUniqueNames(_ regions: [SolutionRegion]) throws(BookError) {
    var seen: [String: SolutionRegion] = [:]
    for region in regions {
      if let first = seen[region.name] {
        throw BookError(
          file: region.file, line: region.begin,
          "exercise '\(region.name)' is already defined at \(first.file):\(first.begin); give each exercise its own name"
        )
      }
      seen[region.name] = region
    }
  }

  /// `text` with every region's code replaced by its prompt and an `exercise(…)` stub: the student edition.
  public static func studentEdition(of text: String, regions: [SolutionRegion]) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for region in regions.reversed() {
      let quoted = region.name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      let stub =
        ["\(region.indentation)\(beginMarker) \(region.name)"] + region.prompt
        + ["\(region.indentation)exercise(\"\(quoted)\")", "\(region.indentation)\(endMarker)"]
      lines.replaceSubrange((region.begin - 1)..<region.end, with: stub)
    }
    return lines.joined(separator: "\n")
  }
}
