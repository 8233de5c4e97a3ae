import Foundation
import Testing
import _TestSupport

/// A chapter whose middle cell memoises a value (a NaN too) and prints "closure ran" whenever its closure runs.
private func memoChapter(memoCell: String = "", later: String = "print(\"later\")", prose: String = "Words.") -> String
{
  """
  # A

  \(prose)

  ```{swift}
  let base = 40
  ```

  ```{swift}
  \(memoCell)
  let value = memo("answer") { () -> [Double] in
    print("closure", "ran")
    return [Double(base + Build.parameter("inner", default: 2)), .nan]
  }
  print("value", value[0], value[1].isNaN)
  ```

  ```{swift}
  \(later)
  ```

  """
}

/// End-to-end: `memo(…)` keeps a cell's value in the cache, reuses it while the cell and those before it are
/// unchanged, and computes it again when they change, when its stored file is damaged, and with `--force`. Each test
/// starts from its own copy of one book of `memoChapter()`, built once (`BuiltBook`).
@Suite(.builtBook { try $0.write(memoChapter(), to: "chapters/a.md") })
struct BuildCommandMemoTests {
  /// Builds `book` with `arguments`; returns the page of chapter a and the build's standard error.
  private func build(
    _ book: TemporaryDirectory, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (page: String, standardError: String) {
    let run = try FlowBookBinary.run(["build", "--book", book.path] + arguments)
    #expect(run.exitCode == 0, "\(run.standardError)", sourceLocation: sourceLocation)
    let page = try String(contentsOfFile: book.path + "/output/a.html", encoding: .utf8)
    #expect(page.contains("value 42.0 true"), sourceLocation: sourceLocation)
    return (page, run.standardError)
  }

  @Test func aStoredValueIsReusedUntilItsCellOrAnEarlierOneChanges() async throws {
    let book = try await BuiltBook.copy()
    let first = try String(contentsOfFile: book.path + "/output/a.html", encoding: .utf8)
    #expect(first.contains("value 42.0 true") && first.contains("closure ran"))

    // A later cell and the prose changed: the chapter reruns, the value comes from the store.
    try book.write(memoChapter(later: "print(\"later, edited\")", prose: "Other words."), to: "chapters/a.md")
    let reused = try build(book)
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == false)
    #expect(!reused.page.contains("closure ran"))
    #expect(reused.page.contains("later, edited"))

    // The closure read `-P inner`: a reused value still counts as reading it, so the chapter reruns, unwarned.
    let parameter = try FlowBookBinary.run(["build", "--book", book.path, "-P", "inner=2"])
    #expect(!parameter.standardError.contains("no chapter reads"), "\(parameter.standardError)")
    #expect(try BuildRecordReader(book: book.path).isCached("chapters/a.md") == false)
    #expect(try String(contentsOfFile: book.path + "/output/a.html", encoding: .utf8).contains("closure ran"))

    // The memo's own cell changed: computed again.
    try book.write(memoChapter(memoCell: "// edited"), to: "chapters/a.md")
    #expect(try build(book).page.contains("closure ran"))
  }

  @Test func onlyTheSixMostRecentlyUsedValuesOfANameAreKept() async throws {
    let book = try await BuiltBook.copy()
    let folder = book.path + "/.flowbook-cache/memo"
    let first = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
    let suffix = String(first.drop { $0 != "-" })
    // Seven older values of the same name, as seven earlier edits of the cell would have left.
    for age in 1...7 {
      let path = folder + "/old\(age)" + suffix
      try FileManager.default.copyItem(atPath: folder + "/" + first, toPath: path)
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: -3600 * Double(age))], ofItemAtPath: path)
    }
    try book.write(memoChapter(memoCell: "// edited"), to: "chapters/a.md")
    #expect(try build(book).page.contains("closure ran"))
    let kept = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
    #expect(kept.count == 6)
    #expect(kept.contains(first))
    #expect(!kept.contains("old5" + suffix) && !kept.contains("old7" + suffix))
    #expect(kept.contains("old4" + suffix))
  }

  @Test func aDamagedStoredValueIsComputedAgainWithAWarningAndForceRecomputes() async throws {
    let book = try await BuiltBook.copy()
    let folder = book.path + "/.flowbook-cache/memo"
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".memo") }
    try #require(files.count == 1)
    let stored = try String(contentsOfFile: folder + "/" + files[0], encoding: .utf8)
    // A digit changed: the JSON still parses, to a wrong value, which the checksum refuses.
    try stored.replacingOccurrences(of: "42", with: "43").write(
      toFile: folder + "/" + files[0], atomically: true, encoding: .utf8)

    try book.write(memoChapter(later: "print(\"later, edited\")"), to: "chapters/a.md")
    let damaged = try build(book)
    #expect(damaged.page.contains("closure ran"))
    #expect(
      damaged.standardError.contains("chapters/a.md:11: warning: memo(\"answer\"): the stored value"),
      "\(damaged.standardError)")
    #expect(damaged.standardError.contains("checksum mismatch"))

    // Rewritten by that build: the next one reuses it, silently; --force computes it again.
    try book.write(memoChapter(later: "print(\"later, edited again\")"), to: "chapters/a.md")
    let healed = try build(book)
    #expect(!healed.page.contains("closure ran"))
    #expect(!healed.standardError.contains("warning"))
    #expect(try build(book, ["--force"]).page.contains("closure ran"))
  }
}
