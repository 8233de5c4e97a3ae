import Foundation

/// The printed text of one cell, kept within bounds however much the cell prints.
///
/// A text of at most `headLines + tailLines` lines (none longer than `lineBytes`) is shown whole. A longer one
/// shows its first `headLines` lines (at most `headBytes`) and its last `tailLines` (at most `tailBytes`), each
/// line cut at `lineBytes`; then the whole text is streamed to `file`, which the page links. Memory stays bounded
/// whatever the cell prints, and text within the bounds never touches the disk.
struct BoundedText {
  /// How the text ended.
  enum Ending: Equatable {
    /// Everything was shown; `rest` is the text still to show after what `append` returned.
    case whole(rest: String)
    /// Lines were left out or cut: `omittedLines` lines between the shown head and `tail`, the last lines.
    case truncated(omittedLines: Int, tail: String)
  }

  let headLines: Int
  let tailLines: Int
  static let headBytes = 256 * 1024
  static let tailBytes = 64 * 1024
  static let lineBytes = 4096

  /// Where the whole text goes once some of it is left out; `nil`: nowhere.
  let file: String?
  private var handle: FileHandle?
  /// All text so far, until some of it is left out and `file` takes over.
  private var exact = Data()
  private var isCut = false
  private var inHead = true
  private var shownLines = 0
  private var shownBytes = 0
  private var currentLineBytes = 0
  /// The lines after the head: the last `tailLines` of them, the last one unfinished.
  private var tail: [Data] = [Data()]
  private var tailByteCount = 0
  private var linesAfterHead = 0
  /// The line being printed was shown cut in the head: the tail starts after it.
  private var skipsLine = false

  /// Bounds for a cell that may show `lines` lines (a fifth of them from the end); the whole text goes to `file`.
  init(lines: Int, file: String?) {
    tailLines = max(lines / 5, lines > 1 ? 1 : 0)
    headLines = lines - tailLines
    self.file = file
  }

  /// Takes the next printed text; returns the part to show now.
  mutating func append(_ data: Data) -> Data {
    if isCut {
      if let handle { try? handle.write(contentsOf: data) }
    } else {
      exact += data
    }
    guard inHead else {
      appendToTail(data)
      return Data()
    }
    var show = Data()
    var index = data.startIndex
    while index < data.endIndex {
      let newline = data[index...].firstIndex(of: UInt8(ascii: "\n"))
      let end = newline.map { $0 + 1 } ?? data.endIndex
      let piece = data[index..<end]
      let longLine = currentLineBytes + piece.count > Self.lineBytes + 1
      if shownLines >= headLines || shownBytes + piece.count > Self.headBytes || longLine {
        inHead = false
        // A line already begun, or too long, shows its start and an ellipsis; the rest of it is not shown again.
        if (currentLineBytes > 0 || longLine) && shownLines < headLines {
          show += piece.prefix(max(Self.lineBytes - currentLineBytes, 0)) + Data(" …\n".utf8)
          skipsLine = true
          markCut()
        }
        appendToTail(data[index...])
        return show
      }
      show += piece
      shownBytes += piece.count
      if newline != nil {
        shownLines += 1
        currentLineBytes = 0
      } else {
        currentLineBytes += piece.count
      }
      index = end
    }
    return show
  }

  /// What is left to show once the cell is done.
  mutating func finish() -> Ending {
    try? handle?.close()
    handle = nil
    let lines = tail.last?.isEmpty == true ? tail.dropLast() : tail[...]
    let text = lines.map { String(decoding: $0, as: UTF8.self) }.joined()
    guard isCut else { return .whole(rest: text) }
    let countedLines = linesAfterHead + (tail.last?.isEmpty == false ? 1 : 0)
    return .truncated(omittedLines: max(countedLines - lines.count, 0), tail: text)
  }

  /// Some text is left out from now on: the whole text so far starts the file.
  private mutating func markCut() {
    guard !isCut else { return }
    isCut = true
    if let file, FileManager.default.createFile(atPath: file, contents: exact) {
      handle = FileHandle(forWritingAtPath: file)
      handle?.seekToEndOfFile()
    }
    exact = Data()
  }

  /// Where the last `tailLines + 1` lines of `data[start...]` begin, counting the lines before them as left out:
  /// a long text is not kept line by line.
  private mutating func skipToLastLines(of data: Data, from start: Int) -> Int {
    var begin = data.endIndex
    var newlines = 0
    while newlines <= tailLines + 1, let newline = data[start..<begin].lastIndex(of: UInt8(ascii: "\n")) {
      newlines += 1
      begin = newline
    }
    guard newlines > tailLines + 1 else { return start }
    let skipped = data[start...begin]
    linesAfterHead += skipped.withUnsafeBytes { bytes in
      var count = 0
      var position = bytes.baseAddress!
      var left = bytes.count
      while left > 0, let found = memchr(position, Int32(UInt8(ascii: "\n")), left).map(UnsafeRawPointer.init) {
        count += 1
        left -= position.distance(to: found) + 1
        position = found + 1
      }
      return count
    }
    markCut()
    tail = [Data()]
    tailByteCount = 0
    return begin + 1
  }

  /// Keeps the last `tailLines` lines (each cut at `lineBytes`) and counts every completed line.
  private mutating func appendToTail(_ data: Data) {
    var index = data.startIndex
    if skipsLine {
      guard let newline = data.firstIndex(of: UInt8(ascii: "\n")) else { return }
      skipsLine = false
      index = newline + 1
    }
    index = skipToLastLines(of: data, from: index)
    while index < data.endIndex {
      let newline = data[index...].firstIndex(of: UInt8(ascii: "\n"))
      let end = newline.map { $0 + 1 } ?? data.endIndex
      let room = Self.lineBytes + 1 - tail[tail.count - 1].count
      if end - index > room { markCut() }
      if room > 0 {
        let kept = data[index..<min(end, index + room)]
        tail[tail.count - 1] += kept
        tailByteCount += kept.count
      }
      if newline != nil {
        linesAfterHead += 1
        if tail[tail.count - 1].last != UInt8(ascii: "\n") { tail[tail.count - 1] += Data(" …\n".utf8) }
        tail.append(Data())
        while tail.count - 1 > tailLines || (tail.count > 2 && tailByteCount > Self.tailBytes) {
          markCut()
          tailByteCount -= tail.removeFirst().count
        }
      }
      index = end
    }
  }
}
