/// The code of an `error: true` cell, split into the declarations that belong at file scope and the statements
/// that run in the forked copy of the chapter program.
///
/// The statements of such a cell run inside an `if` block (see `ChapterProgram`), where an `extension`, a
/// `protocol`, an `import` or an operator cannot stand, and where a `struct` would be visible to no later
/// cell. So its top-level type, extension, protocol, typealias, operator and import declarations are moved out
/// of the block, to file scope, at their own lines; so are its functions, except one that names a variable of
/// the cell (a top-level `let`/`var`, which stays in the block), since only a local function can capture it.
/// Both parts keep every line of the cell where it was (the other part's lines are left blank), so
/// diagnostics and traps still name the cell's lines.
///
/// The split reads lines, braces, comments and string literals; it is not a Swift parser, and a declaration
/// it does not recognise stays in the block, as before.
struct IsolatedCellCode: Equatable {
  /// The cell's file-scope declarations, other lines blank.
  var declarations: String
  /// The cell's statements (and the functions that capture its variables), other lines blank.
  var statements: String

  /// Declarations that may only stand at file scope, or are meant to.
  nonisolated(unsafe) private static let declaration =
    /^\s*(@\w+(\([^)]*\))?\s+)*((public|private|fileprivate|internal|package|final|open|indirect|nonisolated)\s+)*(struct|class|enum|actor|protocol|extension|typealias|func|import|precedencegroup|(prefix|infix|postfix)\s+operator)\b/
  /// A line holding only attributes, e.g. `@MainActor` above a declaration.
  nonisolated(unsafe) private static let attributesOnly = /^\s*(@\w+(\([^)]*\))?\s*)+$/
  /// Declarations that end with their line rather than a `{ … }` body.
  nonisolated(unsafe) private static let oneLine =
    /^\s*(@\w+(\([^)]*\))?\s+)*((public|private|fileprivate|internal|package)\s+)*(import|typealias|(prefix|infix|postfix)\s+operator)\b/
  /// A top-level `let`/`var` of the cell: `let x`, `var (a, b)`.
  nonisolated(unsafe) private static let variable = /^\s*(?:let|var)\s+(?:(\w+)|\(([\w\s,]+)\))/

  /// Splits `code`, the code of one cell.
  init(splitting code: String) {
    let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let depths = Self.depthAtLineStarts(lines)
    var variables: Set<String> = []
    for (index, line) in lines.enumerated() where depths[index] == 0 {
      guard let match = line.firstMatch(of: Self.variable) else { continue }
      let names =
        match.1.map { [String($0)] } ?? (match.2 ?? "").split(separator: ",").map { $0.filter { !$0.isWhitespace } }
      variables.formUnion(names.filter { !$0.isEmpty && $0 != "_" })
    }
    var hoisted = Array(repeating: false, count: lines.count)
    var index = 0
    while index < lines.count {
      guard depths[index] == 0, let (end, keyword) = Self.declaration(from: index, in: lines, depths: depths) else {
        index += 1
        continue
      }
      let text = lines[index...end].joined(separator: "\n")
      if keyword != "func" || !variables.contains(where: { Self.names(text, $0) }) {
        for line in index...end { hoisted[line] = true }
      }
      index = end + 1
    }
    declarations = zip(lines, hoisted).map { $1 ? $0 : "" }.joined(separator: "\n")
    statements = zip(lines, hoisted).map { $1 ? "" : $0 }.joined(separator: "\n")
  }

  /// Whether `text` names `identifier` as a whole word.
  private static func names(_ text: String, _ identifier: String) -> Bool {
    var start = text.startIndex
    while let range = text[start...].range(of: identifier) {
      let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
      let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
      if !isWordCharacter(before), !isWordCharacter(after) { return true }
      start = range.upperBound
    }
    return false
  }

  private static func isWordCharacter(_ character: Character?) -> Bool {
    character.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
  }

  /// The last line and the keyword (`struct`, `func`…) of the declaration starting at `start` (with attribute
  /// lines above it), or `nil` when no declaration starts there.
  private static func declaration(from start: Int, in lines: [String], depths: [Int]) -> (Int, String)? {
    var first = start
    while first < lines.count, lines[first].wholeMatch(of: attributesOnly) != nil { first += 1 }
    guard first < lines.count, depths[first] == 0, let match = lines[first].firstMatch(of: declaration) else {
      return nil
    }
    let keyword = String(match.5)
    if lines[first].firstMatch(of: oneLine) != nil { return (first, keyword) }
    // A body: from its `{` to the line after which the depth is back at 0.
    var line = first
    var opened = false
    while line < lines.count {
      if lines[line].contains("{") { opened = true }
      let next = line + 1 < lines.count ? depths[line + 1] : 0
      if opened, next == 0 { return (line, keyword) }
      line += 1
    }
    return (lines.count - 1, keyword)
  }

  /// The brace depth at the start of each line, outside comments and string literals.
  private static func depthAtLineStarts(_ lines: [String]) -> [Int] {
    var depths: [Int] = []
    var scanner = BraceScanner()
    for line in lines {
      depths.append(max(0, scanner.depth))
      scanner.scan(line)
    }
    return depths
  }
}

/// Counts `{` and `}` through Swift code line by line, skipping comments and string literals.
private struct BraceScanner {
  private(set) var depth = 0
  private var blockComments = 0
  private var inMultilineString = false

  mutating func scan(_ line: String) {
    let characters = Array(line)
    var index = 0
    var inString = false
    while index < characters.count {
      let character = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      if blockComments > 0 {
        if character == "*", next == "/" {
          blockComments -= 1
          index += 1
        } else if character == "/", next == "*" {
          blockComments += 1
          index += 1
        }
      } else if inMultilineString {
        if line[line.index(line.startIndex, offsetBy: index)...].hasPrefix("\"\"\"") {
          inMultilineString = false
          index += 2
        }
      } else if inString {
        if character == "\\" { index += 1 } else if character == "\"" { inString = false }
      } else if character == "/", next == "/" {
        return
      } else if character == "/", next == "*" {
        blockComments += 1
        index += 1
      } else if character == "\"" {
        if line[line.index(line.startIndex, offsetBy: index)...].hasPrefix("\"\"\"") {
          inMultilineString = true
          index += 2
        } else {
          inString = true
        }
      } else if character == "{" {
        depth += 1
      } else if character == "}" {
        depth -= 1
      }
      index += 1
    }
  }
}
