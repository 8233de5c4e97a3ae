/// The page being rendered, which decides how links to labels are written: within the page as
/// `#id`, to another chapter page as `02-flows.html#id`, and always `#id` in the single-page print version.
struct PageContext {
  /// The chapter page being rendered (`02-flows.html`), or nil for the print version and the index.
  var pageName: String?
  /// The single-page print version, where every target is on the page.
  var isPrintVersion: Bool

  /// A chapter page.
  static func chapter(_ pageName: String) -> PageContext {
    PageContext(pageName: pageName, isPrintVersion: false)
  }
  /// The index page.
  static let index = PageContext(pageName: "index.html", isPrintVersion: false)
  /// The single-page print version.
  static let printVersion = PageContext(pageName: nil, isPrintVersion: true)

  /// The `href` of an element with `id` on `targetPage`.
  func href(toID id: String, onPage targetPage: String) -> String {
    isPrintVersion || targetPage == pageName ? "#" + id : targetPage + "#" + id
  }

  /// The `href` of a chapter's start.
  func href(toChapter chapter: ChapterOutline) -> String {
    isPrintVersion ? "#chapter-\(chapter.number)" : chapter.pageName
  }
}
