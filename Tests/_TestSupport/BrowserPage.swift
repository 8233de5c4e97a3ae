import Foundation

/// A page open in the test process's headless Chromium (`SharedChromium`), in a browser context of its own (no
/// cookies, storage or cache shared with other tests' pages), so a test can read the live page's state
/// (`evaluate`), scroll it as a user would, and read every console message it logged. Closed by `close()` or
/// when released.
public final class BrowserPage: @unchecked Sendable {
  /// A message the page logged: by `console.…` (its level is the method), an uncaught exception (`exception`),
  /// or the browser itself, e.g. a resource that failed to load (`network error`, …).
  public struct ConsoleMessage: Sendable, CustomStringConvertible {
    /// `log`, `info`, `warning`, `error`, `exception`, or the browser's source and level.
    public var level: String
    /// The message.
    public var text: String
    public var description: String { "\(level): \(text)" }
  }

  private let browser: SharedChromium
  private let context: String
  private let target: String
  private let session: String
  private let condition = NSCondition()
  private var messages: [ConsoleMessage] = []
  private var closed = false

  /// Opens `url` in a new page (a window of 1000 × 700 pixels).
  public init(url: String) throws {
    browser = try SharedChromium.current()
    context = try browser.send("Target.createBrowserContext")["browserContextId"] as? String ?? ""
    do {
      target =
        try browser.send(
          "Target.createTarget",
          ["url": "about:blank", "browserContextId": context, "width": 1000, "height": 700]
        )["targetId"] as? String ?? ""
      session =
        try browser.send("Target.attachToTarget", ["targetId": target, "flatten": true])["sessionId"] as? String ?? ""
    } catch {
      _ = try? browser.send("Target.disposeBrowserContext", ["browserContextId": context])
      throw error
    }
    browser.listen(to: session) { [weak self] method, parameters in self?.handle(method, parameters) }
    do {
      _ = try browser.send("Runtime.enable", session: session)
      _ = try browser.send("Log.enable", session: session)
      _ = try browser.send("Page.navigate", ["url": url], session: session)
    } catch {
      close()
      throw error
    }
  }

  deinit { close() }

  /// Closes the page and its browser context.
  public func close() {
    guard condition.withLock({ !closed }) else { return }
    condition.withLock { closed = true }
    browser.listen(to: session, nil)
    _ = try? browser.send("Target.closeTarget", ["targetId": target])
    _ = try? browser.send("Target.disposeBrowserContext", ["browserContextId": context])
  }

  /// Every console message the page logged so far, across its reloads.
  public var consoleMessages: [ConsoleMessage] { condition.withLock { messages } }

  /// The value of the JavaScript `expression` in the page (`nil` for `undefined`); throws when it throws,
  /// e.g. while the page is being replaced.
  public func evaluate(_ expression: String) throws -> Any? {
    let reply = try browser.send(
      "Runtime.evaluate", ["expression": expression, "returnByValue": true], session: session)
    if let exception = reply["exceptionDetails"] { throw DevToolsError("\(expression) threw: \(exception)") }
    return (reply["result"] as? [String: Any])?["value"]
  }

  /// Waits until `expression` is true in the page (errors while a page loads count as not yet), at most
  /// `timeout` seconds.
  public func waitUntil(_ expression: String, timeout: Double = 300) throws {
    let deadline = Date() + timeout
    while Date() < deadline {
      if (try? evaluate(expression)) as? Bool == true { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw DevToolsError("\(expression) was not true within \(Int(timeout)) s")
  }

  /// Waits up to `timeout` seconds until `count` console messages contain `text`.
  public func waitForMessages(containing text: String, count: Int, timeout: Double) throws {
    let deadline = Date() + timeout
    condition.lock()
    defer { condition.unlock() }
    while messages.filter({ $0.text.contains(text) }).count < count {
      guard condition.wait(until: deadline) else {
        throw DevToolsError("'\(text)' not logged \(count) times within \(Int(timeout)) s; logged: \(messages)")
      }
    }
  }

  /// Keeps the console messages among the page's events.
  private func handle(_ method: String, _ parameters: [String: Any]) {
    let message: ConsoleMessage
    switch method {
    case "Runtime.consoleAPICalled":
      let arguments = parameters["args"] as? [[String: Any]] ?? []
      let text = arguments.map { argument in
        argument["value"].map { "\($0)" } ?? argument["description"] as? String ?? "\(argument["type"] ?? "")"
      }
      message = ConsoleMessage(level: parameters["type"] as? String ?? "log", text: text.joined(separator: " "))
    case "Runtime.exceptionThrown":
      let details = parameters["exceptionDetails"] as? [String: Any] ?? [:]
      let exception = (details["exception"] as? [String: Any])?["description"] as? String
      message = ConsoleMessage(level: "exception", text: exception ?? details["text"] as? String ?? "")
    case "Log.entryAdded":
      let entry = parameters["entry"] as? [String: Any] ?? [:]
      // The browser itself, not the page, asks a server for its `/favicon.ico` (a report has none).
      if (entry["url"] as? String)?.hasSuffix("/favicon.ico") == true { return }
      let level = "\(entry["source"] ?? "") \(entry["level"] ?? "")"
      message = ConsoleMessage(level: level, text: "\(entry["text"] ?? "") \(entry["url"] ?? "")")
    default: return
    }
    condition.withLock {
      messages.append(message)
      condition.broadcast()
    }
  }
}
