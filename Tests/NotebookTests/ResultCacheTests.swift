import Foundation
import Testing
import _TestSupport

@testable import Notebook

@Suite struct ResultCacheTests {
  private func storedRun(_ text: String, key: String, in cache: ResultCache, folder: TemporaryDirectory) throws {
    var run = ChapterRun(cellCount: 1)
    run.cells[0] = .init(status: .ok, outputs: [.text(text)], seconds: 1)
    let displays = folder.path + "/displays-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: displays, withIntermediateDirectories: true)
    _ = try cache.store(run, displays: displays, key: key, chapter: "chapters/a.md")
  }

  @Test func storedRunIsFoundOnlyByItsExactKey() throws {
    let folder = try TemporaryDirectory()
    let cache = ResultCache(directory: folder.path + "/cache")
    try storedRun("one", key: "key one", in: cache, folder: folder)
    let found = try #require(cache.lookUp("key one", chapter: "chapters/a.md"))
    #expect(found.run.cells[0].outputs == [.text("one")])
    #expect(FileManager.default.fileExists(atPath: found.displays))
    #expect(cache.lookUp("key two", chapter: "chapters/a.md") == nil)
    #expect(cache.lookUp("key one", chapter: "chapters/b.md") == nil)
  }

  @Test func earlierEntriesAreKeptUpToTheLimit() throws {
    let folder = try TemporaryDirectory()
    let cache = ResultCache(directory: folder.path + "/cache")
    for version in 0...ResultCache.entriesPerChapter {
      try storedRun("v\(version)", key: "key \(version)", in: cache, folder: folder)
      Thread.sleep(forTimeInterval: 0.01)
    }
    #expect(cache.lookUp("key 1", chapter: "chapters/a.md") != nil)
    #expect(cache.lookUp("key \(ResultCache.entriesPerChapter)", chapter: "chapters/a.md") != nil)
    #expect(cache.lookUp("key 0", chapter: "chapters/a.md") == nil)
  }
}
