import Foundation
import Testing
import _TestSupport

@testable import Notebook

/// Compiled programs are reused exactly when everything that made them is the same, and never when damaged.
@Suite struct ProgramCacheTests {
  private func cache(_ folder: TemporaryDirectory, compiler: String = "Swift 6", library: String = "Flows=1")
    -> ProgramCache
  {
    ProgramCache(
      directory: folder.path + "/programs", chapter: "chapters/a.md", compilerVersion: compiler, library: library)
  }

  /// A stand-in for a compiled program: an executable file holding `text`, in a work folder of its own.
  private func program(_ text: String, in folder: TemporaryDirectory) throws -> String {
    let path = folder.path + "/work-\(UUID().uuidString)/chapter"
    try folder.write(text, to: String(path.dropFirst(folder.path.count + 1)))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }

  /// The key of a program made of one `main.swift` holding `source`.
  private func key(
    _ cache: ProgramCache, source: String, arguments: [String] = ["-Onone"], in folder: TemporaryDirectory
  )
    throws -> String
  {
    try folder.write(source, to: "sources/main.swift")
    return try cache.key(arguments: arguments, sources: [folder.path + "/sources/main.swift"])
  }

  @Test func aStoredProgramIsRestoredExecutableForItsExactKey() throws {
    let folder = try TemporaryDirectory()
    let programs = cache(folder)
    let key = try key(programs, source: "print(1)\n", in: folder)
    #expect(key.contains("print(1)") && key.contains("Swift 6") && key.contains("Flows=1") && key.contains("-Onone"))
    try programs.store(try program("compiled one", in: folder), key: key)

    let target = folder.path + "/restored"
    #expect(programs.restore(key, to: target))
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "compiled one")
    #expect(FileManager.default.isExecutableFile(atPath: target))
    #expect(!programs.restore(key + "x", to: folder.path + "/other"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/other"))
  }

  @Test func theSourcesArgumentsCompilerAndLibraryArePartOfTheKey() throws {
    let folder = try TemporaryDirectory()
    let key = try key(cache(folder), source: "print(1)\n", in: folder)
    #expect(try self.key(cache(folder), source: "print(1)\n", in: folder) == key)
    #expect(try self.key(cache(folder), source: "print(2)\n", in: folder) != key)
    #expect(try self.key(cache(folder), source: "print(1)\n", arguments: ["-O"], in: folder) != key)
    #expect(try self.key(cache(folder, compiler: "Swift 7"), source: "print(1)\n", in: folder) != key)
    #expect(try self.key(cache(folder, library: "Flows=2"), source: "print(1)\n", in: folder) != key)
  }

  @Test(arguments: ["program", "checksum", "key"])
  func aDamagedProgramIsNotRestoredAndIsRemoved(damaged file: String) throws {
    let folder = try TemporaryDirectory()
    let programs = cache(folder)
    let key = try key(programs, source: "print(1)\n", in: folder)
    try programs.store(try program("compiled one", in: folder), key: key)
    let chapterFolder = folder.path + "/programs/chapters_a.md"
    let entry = try #require(try FileManager.default.contentsOfDirectory(atPath: chapterFolder).first)
    let damaged =
      chapterFolder + "/" + entry + "/" + ["program": "chapter", "checksum": "chapter.sum", "key": "key"][
        file]!
    try FileManager.default.removeItem(atPath: damaged)
    try Data("compiled twice".utf8).write(to: URL(fileURLWithPath: damaged))

    #expect(!programs.restore(key, to: folder.path + "/restored"))
    #expect(!FileManager.default.fileExists(atPath: chapterFolder + "/" + entry))
  }

  @Test func theNewestProgramsOfAChapterAreKept() throws {
    let folder = try TemporaryDirectory()
    let programs = cache(folder)
    var keys: [String] = []
    for version in 0...ProgramCache.programsPerChapter {
      keys.append(try key(programs, source: "print(\(version))\n", in: folder))
      try programs.store(try program("v\(version)", in: folder), key: keys[version])
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(!programs.restore(keys[0], to: folder.path + "/restored-0"))
    #expect(programs.restore(keys[1], to: folder.path + "/restored-1"))
    #expect(programs.restore(keys.last!, to: folder.path + "/restored-last"))
  }
}
