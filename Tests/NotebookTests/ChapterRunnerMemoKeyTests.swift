import Testing
import _TestSupport

@testable import Notebook

/// The keys of `memo(…)` values, by cell: a value computed in a cell depends on that cell and everything before
/// it, never on later cells or prose.
@Suite struct ChapterRunnerMemoKeyTests {
  /// A chapter of three cells (at 3, 7 and 11) around prose; `shared` is the book's shared source.
  static func chapter(
    cells: [String] = ["let a = 1\n", "let b = memo(\"b\") { a + 1 }\n", "print(b)\n"], prose: String = "Words.",
    shared: String? = nil
  ) -> Chapter {
    var blocks: [Block] = [.prose(prose, line: 1)]
    for (index, code) in cells.enumerated() {
      blocks.append(.cell(Cell(index: index, code: code, line: 3 + 4 * index)))
      blocks.append(.prose(prose + " `{swift} b`", line: 5 + 4 * index))
    }
    return Chapter(
      file: "chapters/a.md", blocks: blocks, shared: shared.map { SharedSource(file: "chapters/s.swift", code: $0) })
  }

  /// The memo keys of `chapter` built with `settings`, over a fake library.
  static func keys(
    _ chapter: Chapter = chapter(), _ settings: BuildSettings = base, in folder: TemporaryDirectory
  ) throws -> [String] {
    try ChapterRunnerTests.runner(chapter, settings, in: folder).memoKeys(for: chapter)
  }

  static let base = BuildSettings(bookDirectory: "/book", parameters: ["steps": "10"], profile: .full, seed: 0)

  @Test func eachCellHasItsOwnStableKeyAndProseIsNotPartOfIt() throws {
    let folder = try TemporaryDirectory()
    let keys = try Self.keys(in: folder)
    #expect(keys.count == 3)
    #expect(Set(keys).count == 3)
    #expect(try Self.keys(in: folder) == keys)
    #expect(try Self.keys(Self.chapter(prose: "Other words, other `{swift} a`."), in: folder) == keys)
  }

  @Test func editingACellChangesItsKeyAndThoseAfterItButNotThoseBefore() throws {
    let folder = try TemporaryDirectory()
    let keys = try Self.keys(in: folder)
    let laterEdited = try Self.keys(
      Self.chapter(cells: ["let a = 1\n", "let b = memo(\"b\") { a + 1 }\n", "print(b + 1)\n"]), in: folder)
    #expect(Array(laterEdited.prefix(2)) == Array(keys.prefix(2)))
    #expect(laterEdited[2] != keys[2])
    let ownEdited = try Self.keys(
      Self.chapter(cells: ["let a = 1\n", "let b = memo(\"b\") { a + 2 }\n", "print(b)\n"]), in: folder)
    #expect(ownEdited[0] == keys[0])
    #expect(ownEdited[1] != keys[1])
    #expect(ownEdited[2] != keys[2])
    let earlierEdited = try Self.keys(
      Self.chapter(cells: ["let a = 2\n", "let b = memo(\"b\") { a + 1 }\n", "print(b)\n"]), in: folder)
    #expect(zip(earlierEdited, keys).allSatisfy { $0 != $1 })
  }

  @Test(arguments: [
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "11"], profile: .full, seed: 0),
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "10", "n": "2"], profile: .full, seed: 0),
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "10"], profile: .quick, seed: 0),
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "10"], profile: .full, seed: 1),
  ])
  func everyBuildSettingAndParameterChangesEveryKey(_ settings: BuildSettings) throws {
    let folder = try TemporaryDirectory()
    let keys = try Self.keys(in: folder)
    #expect(zip(try Self.keys(Self.chapter(), settings, in: folder), keys).allSatisfy { $0 != $1 })
  }

  @Test func theSharedSourceAndTheChapterFileArePartOfEveryKey() throws {
    let folder = try TemporaryDirectory()
    let keys = try Self.keys(Self.chapter(shared: "let k = 1\n"), in: folder)
    let sharedEdited = try Self.keys(Self.chapter(shared: "let k = 2\n"), in: folder)
    #expect(zip(sharedEdited, keys).allSatisfy { $0 != $1 })
    var renamed = Self.chapter(shared: "let k = 1\n")
    renamed.file = "chapters/b.md"
    #expect(zip(try Self.keys(renamed, in: folder), keys).allSatisfy { $0 != $1 })
  }
}
