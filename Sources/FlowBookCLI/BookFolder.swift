import Foundation

/// The folders of the book a command works on: `DIR/chapters`, `DIR/.flowbook-cache`, `DIR/output`.
struct BookFolder {
  /// The book folder as the user named it (for messages).
  var name: String
  /// Its absolute, standardised path.
  var path: String
  /// `<book>/.flowbook-cache`: cached results, the build lock, the staging folder.
  var cacheDirectory: String { path + "/.flowbook-cache" }
  /// `<book>/output`, where the report goes.
  var outputDirectory: String { path + "/output" }

  /// The book at `name`; throws when it has no `chapters/` folder, so no command creates folders in a
  /// place that is not a book (a mistyped `--book`).
  init(_ name: String) throws {
    self.name = name
    path = URL(fileURLWithPath: name).standardizedFileURL.path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path + "/chapters", isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw UserError(
        "no chapters/ folder in \(name): create \(name)/chapters with Markdown chapters, or pass --book DIR"
      )
    }
  }
}
