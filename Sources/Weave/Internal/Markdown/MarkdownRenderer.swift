import CCmarkGFM
import Foundation

/// A heading as written in the Markdown: its level, line, plain text and `{#id .unnumbered}` attributes.
struct HeadingSource: Equatable {
  var level: Int
  var line: Int
  var text: String
  var label: String?
  var unnumbered: Bool
}

/// HTML rendered by cmark-gfm, with a heading placeholder at the start of every heading's content.
struct RenderedMarkdown: Equatable {
  var html: String
  var headings: [HeadingSource]
}

/// Renders Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks, footnotes).
enum MarkdownRenderer {
  /// What happens to raw HTML written in the Markdown.
  enum RawHTML {
    /// Kept as HTML: chapter prose is written by the book's authors.
    case keep
    /// Shown as text: captions and Markdown printed by cells are data, not markup.
    case escape
  }

  /// Renders `markdown`, whose first line is line `firstLine` of its chapter. Headings get a
  /// `Placeholder(kind: .heading)` token in front of their content and lose a trailing `{…}` attribute block.
  static func render(_ markdown: String, firstLine: Int = 1, rawHTML: RawHTML) -> RenderedMarkdown {
    withDocument(markdown, options: CMARK_OPT_FOOTNOTES) { document, extensions in
      if rawHTML == .escape { escapeRawHTML(in: document) }
      let headings = markHeadings(in: document, firstLine: firstLine)
      let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
      guard let html = cmark_render_html(document, options, extensions) else {
        return RenderedMarkdown(html: "", headings: headings)
      }
      defer { free(html) }
      return RenderedMarkdown(html: String(cString: html), headings: headings)
    }
  }

  /// The text of `markdown` without markup, raw HTML shown as text (for `alt` attributes).
  static func plainText(_ markdown: String) -> String {
    withDocument(markdown) { document, _ in
      escapeRawHTML(in: document)
      guard let text = cmark_render_plaintext(document, CMARK_OPT_DEFAULT, 0) else { return "" }
      defer { free(text) }
      return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
        .replacingOccurrences(of: "\n", with: " ")
    }
  }

  // MARK: - cmark-gfm plumbing

  /// Parses `markdown` with FlowBook's extensions and `options` (besides unsafe HTML), and hands
  /// the document to `body`.
  static func withDocument<Result>(
    _ markdown: String, options: Int32 = 0,
    _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> Result
  ) -> Result {
    cmark_gfm_core_extensions_ensure_registered()
    let parser = cmark_parser_new(CMARK_OPT_UNSAFE | options)!
    defer { cmark_parser_free(parser) }
    for name in ["table", "strikethrough", "autolink"] {
      if let syntaxExtension = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
      }
    }
    cmark_parser_feed(parser, markdown, markdown.utf8.count)
    let document = cmark_parser_finish(parser)!
    defer { cmark_node_free(document) }
    return body(document, cmark_parser_get_syntax_extensions(parser))
  }

  private static func nodes(in document: OpaquePointer, where include: (OpaquePointer) -> Bool)
    -> [OpaquePointer]
  {
    let iterator = cmark_iter_new(document)
    defer { cmark_iter_free(iterator) }
    var found: [OpaquePointer] = []
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let node = cmark_iter_get_node(iterator),
        include(node)
      {
        found.append(node)
      }
    }
    return found
  }

  private static func literal(of node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }

  private static func makeText(_ text: String) -> OpaquePointer {
    let node = cmark_node_new(CMARK_NODE_TEXT)!
    cmark_node_set_literal(node, text)
    return node
  }

  // MARK: - Passes over the tree

  private static func escapeRawHTML(in document: OpaquePointer) {
    for node in nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_HTML_INLINE }) {
      cmark_node_replace(node, makeText(literal(of: node)))
      cmark_node_free(node)
    }
    for node in nodes(in: document, where: { cmark_node_get_type($0) == CMARK_NODE_HTML_BLOCK }) {
      let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
      cmark_node_append_child(
        paragraph, makeText(literal(of: node).trimmingCharacters(in: .newlines)))
      cmark_node_replace(node, paragraph)
      cmark_node_free(node)
    }
  }

  private static func markHeadings(in document: OpaquePointer, firstLine: Int) -> [HeadingSource] {
    let headingNodes = nodes(in: document) { cmark_node_get_type($0) == CMARK_NODE_HEADING }
    return headingNodes.enumerated().map { index, node in
      let attributes = takeAttributes(from: node)
      let text = nodes(in: node) {
        [CMARK_NODE_TEXT, CMARK_NODE_CODE].contains(cmark_node_get_type($0))
      }
      .map(literal(of:)).joined()
      cmark_node_prepend_child(node, makeText(Placeholder(kind: .heading, index: index).token))
      return HeadingSource(
        level: Int(cmark_node_get_heading_level(node)),
        line: firstLine + Int(cmark_node_get_start_line(node)) - 1,
        text: text.trimmingCharacters(in: .whitespaces),
        label: attributes.label, unnumbered: attributes.unnumbered)
    }
  }

  /// Removes a trailing `{#id .unnumbered}` (pandoc attributes; `-` also means unnumbered) from a heading.
  private static func takeAttributes(from heading: OpaquePointer) -> (
    label: String?, unnumbered: Bool
  ) {
    guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT
    else {
      return (nil, false)
    }
    let text = literal(of: last)
    guard text.contains("{"), let match = text.firstMatch(of: headingAttributes) else { return (nil, false) }
    var label: String?
    var unnumbered = false
    for item in match.1.split(separator: " ") {
      if item.hasPrefix("#"), item.count > 1 { label = String(item.dropFirst()) }
      if item == ".unnumbered" || item == "-" { unnumbered = true }
    }
    guard label != nil || unnumbered else { return (nil, false) }
    cmark_node_set_literal(last, String(text[..<match.range.lowerBound]))
    return (label, unnumbered)
  }

  /// Kept once: a regex literal in a function body is compiled again on every call.
  nonisolated(unsafe) private static let headingAttributes = /\s*\{([^{}]*)\}\s*$/
}
