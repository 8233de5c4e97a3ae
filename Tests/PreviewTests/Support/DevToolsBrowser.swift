import Foundation
import Weave

#if canImport(Glibc)
  import Glibc
#endif

/// Headless Chromium on one page, driven through the DevTools protocol over a pipe
/// (`--remote-debugging-pipe`: commands go in on its descriptor 3, answers come out on 4, each a JSON message
/// ended by a NUL byte), so a test can read the live page's state (`evaluate`) and scroll it, as a user would.
final class DevToolsBrowser: @unchecked Sendable {
  private var process: pid_t = 0
  private let commands: Int32
  private let answers: Int32
  private let profile = FileManager.default.temporaryDirectory.appendingPathComponent("flowbook-devtools-\(UUID())")
  private let condition = NSCondition()
  private var replies: [Int: [String: Any]] = [:]
  private var nextID = 0
  private var session = ""

  /// Opens `url` in a new headless Chromium.
  init(url: String) throws {
    var toBrowser: [Int32] = [0, 0]
    var fromBrowser: [Int32] = [0, 0]
    guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
      throw DevToolsError("no pipe: \(String(cString: strerror(errno)))")
    }
    // Only the copies made for Chromium's descriptors 3 and 4 may reach it (or any other child).
    for descriptor in toBrowser + fromBrowser { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    commands = toBrowser[1]
    answers = fromBrowser[0]
    let arguments = [
      try HeadlessChromium().executablePath, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--no-default-browser-check", "--disable-extensions", "--user-data-dir=\(profile.path)",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1000,700",
      "--remote-debugging-pipe", url,
    ]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
    posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    let spawned = posix_spawn(&process, arguments[0], &actions, nil, argv, environ)
    close(toBrowser[0])
    close(fromBrowser[1])
    guard spawned == 0 else { throw DevToolsError("cannot start Chromium: \(String(cString: strerror(spawned)))") }
    let thread = Thread { [weak self, answers] in Self.readLoop(answers) { self } }
    thread.start()
    try attach()
  }

  deinit { stop() }

  /// Ends the browser and removes its profile.
  func stop() {
    guard process != 0 else { return }
    kill(process, SIGTERM)
    var status: Int32 = 0
    waitpid(process, &status, 0)
    process = 0
    close(commands)
    try? FileManager.default.removeItem(at: profile)
  }

  /// The value of the JavaScript `expression` in the page (`nil` for `undefined`); throws when it throws,
  /// e.g. while the page is being replaced.
  func evaluate(_ expression: String) throws -> Any? {
    let reply = try send(
      "Runtime.evaluate", ["expression": expression, "returnByValue": true], inSession: true)
    if let exception = reply["exceptionDetails"] { throw DevToolsError("\(expression) threw: \(exception)") }
    return (reply["result"] as? [String: Any])?["value"]
  }

  /// Waits until `expression` is true in the page (errors while a page loads count as not yet), at most
  /// `timeout` seconds.
  func waitUntil(_ expression: String, timeout: Double = 300) throws {
    let deadline = Date() + timeout
    while Date() < deadline {
      if (try? evaluate(expression)) as? Bool == true { return }
      Thread.sleep(forTimeInterval: 0.1)
    }
    throw DevToolsError("\(expression) was not true within \(Int(timeout)) s")
  }

  /// Attaches to the page, so `evaluate` runs in it.
  private func attach() throws {
    let deadline = Date() + 60
    while Date() < deadline {
      let targets = try send("Target.getTargets", [:])["targetInfos"] as? [[String: Any]] ?? []
      if let page = targets.first(where: { $0["type"] as? String == "page" }), let id = page["targetId"] {
        let reply = try send("Target.attachToTarget", ["targetId": id, "flatten": true])
        session = reply["sessionId"] as? String ?? ""
        return
      }
      Thread.sleep(forTimeInterval: 0.1)
    }
    throw DevToolsError("Chromium opened no page")
  }

  private func send(_ method: String, _ parameters: [String: Any], inSession: Bool = false) throws -> [String: Any] {
    condition.lock()
    nextID += 1
    let id = nextID
    condition.unlock()
    var message: [String: Any] = ["id": id, "method": method, "params": parameters]
    if inSession { message["sessionId"] = session }
    let data = try JSONSerialization.data(withJSONObject: message) + Data([0])
    let written = data.withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
    guard written == data.count else { throw DevToolsError("cannot write to Chromium") }
    let deadline = Date() + 60
    condition.lock()
    defer { condition.unlock() }
    while replies[id] == nil {
      guard condition.wait(until: deadline) else { throw DevToolsError("no answer to \(method)") }
    }
    let reply = replies.removeValue(forKey: id)!
    if let error = reply["error"] { throw DevToolsError("\(method) failed: \(error)") }
    return reply["result"] as? [String: Any] ?? [:]
  }

  /// Reads NUL-separated messages until the pipe closes, keeping the replies (events are not needed).
  private static func readLoop(_ descriptor: Int32, browser: () -> DevToolsBrowser?) {
    var pending = Data()
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = read(descriptor, &chunk, chunk.count)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      pending.append(contentsOf: chunk[0..<count])
      while let end = pending.firstIndex(of: 0) {
        let message = pending[pending.startIndex..<end]
        pending = Data(pending[(end + 1)...])
        guard let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
          let id = object["id"] as? Int, let browser = browser()
        else { continue }
        browser.condition.lock()
        browser.replies[id] = object
        browser.condition.broadcast()
        browser.condition.unlock()
      }
    }
    close(descriptor)
  }
}

/// Why the DevTools browser failed.
struct DevToolsError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
