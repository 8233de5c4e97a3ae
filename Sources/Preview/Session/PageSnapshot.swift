import Foundation

/// The HTML pages of a report folder, by file name, to tell which pages a rebuild changed.
struct PageSnapshot {
  private var pages: [String: Data] = [:]

  /// The `.html` files directly inside `folder` (none when it does not exist).
  init(of folder: String) {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".html") {
      pages[name] = FileManager.default.contents(atPath: folder + "/" + name)
    }
  }

  /// Pages that are new or differ from `earlier`, sorted.
  func changedPages(since earlier: PageSnapshot) -> [String] {
    pages.keys.filter { earlier.pages[$0] != pages[$0] }.sorted()
  }
}
