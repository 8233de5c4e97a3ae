import Foundation
import Testing
import _TestSupport

@testable import Notebook

/// The chapter cache key: whatever changes a chapter's results changes its key, and nothing else does.
@Suite struct ChapterRunnerTests {
  /// The folder of the fake library, the same for every test and run: `swiftc --version` is asked once and
  /// remembered there (`Toolchain.compilerVersion`), instead of once per test. It holds nothing else.
  static let libraryDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "flowbook-test-fake-library"
  ).path

  /// A runner of `chapter` over a fake library, caching in `folder` (no compiler run beyond `swiftc --version`).
  static func runner(_ chapter: Chapter, _ settings: BuildSettings, in folder: TemporaryDirectory) throws
    -> ChapterRunner
  {
    let toolchain = Toolchain(libraryDirectory: libraryDirectory, sourcesDirectory: folder.path + "/Sources")
    return try ChapterRunner(
      toolchain: toolchain, settings: settings, cacheDirectory: folder.path + "/cache", chapters: [chapter])
  }

  /// The cache key of a one-cell chapter built with `settings`.
  static func key(
    _ settings: BuildSettings, code: String = "print(1)\n", prose: String = "Words.",
    in folder: TemporaryDirectory
  ) throws -> String {
    let chapter = Chapter(
      file: "chapters/a.md",
      blocks: [.prose(prose, line: 1), .cell(Cell(index: 0, code: code, line: 3))])
    return try runner(chapter, settings, in: folder).key(for: chapter)
  }

  static let base = BuildSettings(bookDirectory: "/book", parameters: ["steps": "10"], profile: .full, seed: 0)

  @Test func theSameChapterAndSettingsGiveTheSameKeyAndProseIsNotPartOfIt() throws {
    let folder = try TemporaryDirectory()
    let key = try Self.key(Self.base, in: folder)
    #expect(try Self.key(Self.base, in: folder) == key)
    #expect(try Self.key(Self.base, prose: "Other words.", in: folder) == key)
  }

  @Test func theKeyNamesTheCompiler() throws {
    let folder = try TemporaryDirectory()
    let key = try Self.key(Self.base, in: folder)
    let toolchain = Toolchain(libraryDirectory: Self.libraryDirectory, sourcesDirectory: folder.path + "/Sources")
    let compiler = try toolchain.compilerVersion()
    #expect(compiler.contains("Swift"))
    #expect(key.contains(compiler))
  }

  @Test(arguments: [
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "10"], profile: .full, seed: 1),
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "10"], profile: .quick, seed: 0),
  ])
  func eachBuildSettingChangesTheKey(_ settings: BuildSettings) throws {
    let folder = try TemporaryDirectory()
    #expect(try Self.key(settings, in: folder) != Self.key(Self.base, in: folder))
  }

  /// `-P` values are matched per cache entry against the parameters the chapter read
  /// (`ResultCacheTests`), so a parameter no chapter cell reads does not rerun it.
  @Test(arguments: [
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "11"], profile: .full, seed: 0),
    BuildSettings(bookDirectory: "/book", parameters: ["steps": "10", "n": "2"], profile: .full, seed: 0),
    BuildSettings(bookDirectory: "/book", parameters: [:], profile: .full, seed: 0),
  ])
  func parametersAreNotPartOfTheKey(_ settings: BuildSettings) throws {
    let folder = try TemporaryDirectory()
    #expect(try Self.key(settings, in: folder) == Self.key(Self.base, in: folder))
  }

  @Test func theCellSourceChangesTheKey() throws {
    let folder = try TemporaryDirectory()
    #expect(try Self.key(Self.base, code: "print(2)\n", in: folder) != Self.key(Self.base, in: folder))
  }
}
