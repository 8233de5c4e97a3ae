import Foundation

/// Parses pages with html5lib (Debian's `python3-html5lib`, installed by `scripts/setup.sh --browser`),
/// which implements the HTML5 parsing algorithm and reports every parse error: unclosed or misnested
/// elements, stray end tags, bad attributes, a missing doctype.
enum HTML5Parser {
  private static let script = """
    import sys, html5lib
    for path in sys.argv[1:]:
        parser = html5lib.HTMLParser()
        with open(path, "rb") as page:
            parser.parse(page)
        for (line, column), code, data in parser.errors:
            print(f"{path}:{line}:{column}: {code} {data}")
    """

  /// One line per parse error in the files at `paths`; empty when every page is well-formed HTML5.
  static func errors(inFiles paths: [String]) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", script] + paths
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      return ["html5lib did not run (scripts/setup.sh --browser installs it): \(text)"]
    }
    return text.split(separator: "\n").map(String.init)
  }
}
