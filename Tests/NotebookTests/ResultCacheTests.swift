import Foundation
import Testing
import _TestSupport

@testable import Notebook

@Suite struct ResultCacheTests {
  private func storedRun(
    _ text: String, key: String, in cache: ResultCache, folder: TemporaryDirectory, read: Set<String> = [],
    parameters: [String: String] = [:]
  ) throws {
    var run = ChapterRun(cellCount: 1)
    run.parametersRead = read
    run.cells[0] = .init(status: .ok, outputs: [.text(text)], seconds: 1)
    let displays = folder.path + "/displays-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: displays, withIntermediateDirectories: true)
    _ = try cache.store(run, displays: displays, key: key, chapter: "chapters/a.md", parameters: parameters)
  }

  @Test func storedRunIsFoundOnlyByItsExactKey() throws {
    let folder = try TemporaryDirectory()
    let cache = ResultCache(directory: folder.path + "/cache")
    try storedRun("one", key: "key one", in: cache, folder: folder)
    let found = try #require(cache.lookUp("key one", chapter: "chapters/a.md", parameters: [:]))
    #expect(found.run.cells[0].outputs == [.text("one")])
    #expect(FileManager.default.fileExists(atPath: found.displays))
    #expect(cache.lookUp("key two", chapter: "chapters/a.md", parameters: [:]) == nil)
    #expect(cache.lookUp("key one", chapter: "chapters/b.md", parameters: [:]) == nil)
  }

  @Test func earlierEntriesAreKeptUpToTheLimit() throws {
    let folder = try TemporaryDirectory()
    let cache = ResultCache(directory: folder.path + "/cache")
    for version in 0...ResultCache.entriesPerChapter {
      try storedRun("v\(version)", key: "key \(version)", in: cache, folder: folder)
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(cache.lookUp("key 1", chapter: "chapters/a.md", parameters: [:]) != nil)
    #expect(cache.lookUp("key \(ResultCache.entriesPerChapter)", chapter: "chapters/a.md", parameters: [:]) != nil)
    #expect(cache.lookUp("key 0", chapter: "chapters/a.md", parameters: [:]) == nil)
  }

  @Test func anEntryStaysValidWhileTheParametersItReadAreUnchanged() throws {
    let folder = try TemporaryDirectory()
    let cache = ResultCache(directory: folder.path + "/cache")
    try storedRun("s", key: "k", in: cache, folder: folder, read: ["steps"], parameters: ["steps": "5", "other": "1"])
    #expect(cache.lookUp("k", chapter: "chapters/a.md", parameters: ["steps": "5"]) != nil)
    #expect(cache.lookUp("k", chapter: "chapters/a.md", parameters: ["steps": "5", "other": "2"]) != nil)
    #expect(cache.lookUp("k", chapter: "chapters/a.md", parameters: ["steps": "6"]) == nil)
    #expect(cache.lookUp("k", chapter: "chapters/a.md", parameters: [:]) == nil)
  }
}
