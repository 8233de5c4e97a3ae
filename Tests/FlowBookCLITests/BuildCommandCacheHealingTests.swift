import Foundation
import Testing
import _TestSupport

/// End-to-end: a damaged cache entry is rebuilt, and a report that cannot be written fails in one line. Each test
/// starts from its own copy of one built book (`BuiltBook`), whose chapter computes a value and shows a figure.
@Suite(
  .builtBook { book in
    try book.write(
      "# A\n\n```{swift}\nprint(\"computed \\(6 * 7)\")\nshow(Figure().scatter([0, 1], [1, 0]))\n```\n",
      to: "chapters/a.md")
  })
struct BuildCommandCacheHealingTests {
  /// Every file of the chapter's cache entries, by the test's choice of damage.
  private func entryFiles(_ book: TemporaryDirectory, named name: String) throws -> [String] {
    let chapters = book.path + "/.flowbook-cache/chapters"
    let files = FileManager.default.enumerator(atPath: chapters)?.compactMap { $0 as? String } ?? []
    return files.filter { ($0 as NSString).lastPathComponent.hasPrefix(name) }.map { chapters + "/" + $0 }
  }

  @Test(arguments: ["truncated run", "corrupted figure", "older format", "missing checksum"])
  func aDamagedEntryIsRunAgain(damage: String) async throws {
    let book = try await BuiltBook.copy()
    let run = try #require(try entryFiles(book, named: "run.json").first { $0.hasSuffix("run.json") })
    switch damage {
    case "truncated run":
      let data = try Data(contentsOf: URL(fileURLWithPath: run))
      try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: run))
    case "corrupted figure":
      let figure = try #require(try entryFiles(book, named: "cell0-fig1.svg").first)
      try Data("<svg>not the figure</svg>".utf8).write(to: URL(fileURLWithPath: figure))
    case "older format":
      // What FlowBook wrote before entries carried a format and checksums.
      try FileManager.default.removeItem(atPath: run + ".sum")
      try Data(#"{"key":"x","run":{"cells":[],"isReproducible":true}}"#.utf8).write(to: URL(fileURLWithPath: run))
    default:
      try FileManager.default.removeItem(atPath: run + ".sum")
    }
    let again = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(again.exitCode == 0, "\(again.standardError)")
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == false)
    let page = try String(contentsOfFile: book.path + "/output/a.html", encoding: .utf8)
    #expect(page.contains("computed 42"))
    let figure = try #require(page.firstMatch(of: /src(?:set)?="(figures\/[^"]+\.svg)"/)?.1)
    #expect(try String(contentsOfFile: book.path + "/output/" + figure, encoding: .utf8).contains("<path"))
    // Healed: the next build finds the new entry.
    #expect(try FlowBookBinary.run(["build", "--book", book.path]).exitCode == 0)
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == true)
  }

  @Test func anUnwritableOutputFolderFailsInOneLineAndKeepsTheLastReport() async throws {
    let book = try await BuiltBook.copy()
    let index = try String(contentsOfFile: book.path + "/output/index.html", encoding: .utf8)
    try book.write("# A\n\n```{swift}\nprint(\"edited\")\n```\n", to: "chapters/a.md")
    let output = book.path + "/output"
    // Root may write anywhere, except into an immutable folder.
    let locked = getuid() == 0 ? try Self.shell("chattr", "+i", output) : chmod(output, 0o555) == 0
    try #require(locked, "cannot make \(output) unwritable")
    defer {
      _ = getuid() == 0 ? try? Self.shell("chattr", "-i", output) : chmod(output, 0o755) == 0
      withExtendedLifetime(book) {}
    }
    let run = try FlowBookBinary.run(["build", "--book", book.path])
    #expect(run.exitCode != 0)
    let lines = run.standardError.split(separator: "\n")
    #expect(lines.count == 1, "\(run.standardError)")
    #expect(lines.first?.contains("cannot write ") == true, "\(run.standardError)")
    #expect(lines.first?.contains("/output:") == true, "\(run.standardError)")
    #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == index)
  }

  private static func shell(_ arguments: String...) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
