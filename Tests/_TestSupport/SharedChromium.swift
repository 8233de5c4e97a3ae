import Foundation
import Weave

#if canImport(Glibc)
  import Glibc
#endif

/// One headless Chromium for the whole test process, driven through the DevTools protocol
/// (`--remote-debugging-pipe`: commands go in on its descriptor 3, answers and events come out on 4, each a JSON
/// message ended by a NUL byte). Started on first use, started again if it died, ended when the process exits
/// (and, should the process be killed, when its end of the commands' socket closes). Tests open their own pages in it
/// (`BrowserPage`), each in a browser context of its own, so tests running at the same time share nothing.
///
/// Its flags are those of `HeadlessChromium` (the loopback server excepted from its resolve-nothing rule, for the
/// preview's pages): a page that tried to reach the network fails visibly instead of fetching.
final class SharedChromium: @unchecked Sendable {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var running: SharedChromium?
  nonisolated(unsafe) private static var stopsAtExit = false

  private var process: pid_t = 0
  private let commands: Int32
  private let profile = FileManager.default.temporaryDirectory.appendingPathComponent("flowbook-shared-\(UUID())")
  private let writing = NSLock()
  private let condition = NSCondition()
  private var replies: [Int: [String: Any]] = [:]
  private var listeners: [String: @Sendable (String, [String: Any]) -> Void] = [:]
  private var nextID = 0
  private var connected = true
  private var stopped = false

  private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

  /// The browser of the test process, started when none runs (or the last one died).
  static func current() throws -> SharedChromium {
    try lock.withLock {
      if let running, running.isAlive { return running }
      running?.stop()
      running = nil
      if !stopsAtExit {
        stopsAtExit = true
        atexit { SharedChromium.lock.withLock { SharedChromium.running?.stop() } }
      }
      let started = try SharedChromium()
      running = started
      return started
    }
  }

  private init() throws {
    var toBrowser: [Int32] = [0, 0]
    var fromBrowser: [Int32] = [0, 0]
    // Commands go through a socket rather than a pipe: written with MSG_NOSIGNAL, a command to a browser that
    // died fails with an error instead of ending the test process with SIGPIPE.
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &toBrowser) == 0, pipe(&fromBrowser) == 0 else {
      throw DevToolsError("no pipe: \(String(cString: strerror(errno)))")
    }
    // Only the copies made for Chromium's descriptors 3 and 4 may reach it (or any other child).
    for descriptor in toBrowser + fromBrowser { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    commands = toBrowser[1]
    let answers = fromBrowser[0]
    let arguments = [
      try HeadlessChromium().executablePath, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1000,700",
      "--remote-debugging-pipe", "about:blank",
    ]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
    posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // Nor may any other descriptor: a pipe another test opened at that moment for its own child, once in this
    // long-lived browser, would never reach its end for that test's reader. (glibc declares the action for
    // _GNU_SOURCE only, which Swift's Glibc module does not define.)
    guard let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np"),
      unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 5) == 0
    else { throw DevToolsError("no posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later)") }
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    let spawned = posix_spawn(&process, arguments[0], &actions, nil, argv, environ)
    close(toBrowser[0])
    close(fromBrowser[1])
    guard spawned == 0 else {
      close(commands)
      close(answers)
      throw DevToolsError("cannot start Chromium: \(String(cString: strerror(spawned)))")
    }
    let thread = Thread { [weak self] in Self.readLoop(answers) { self } }
    thread.start()
  }

  /// Whether the browser still runs and answers (a browser found dead is reaped).
  private var isAlive: Bool {
    guard process != 0 else { return false }
    var status: Int32 = 0
    if waitpid(process, &status, WNOHANG) == process { process = 0 }
    return process != 0 && condition.withLock { connected }
  }

  /// Ends the browser (unless it ended already) and removes its profile.
  private func stop() {
    if process != 0 {
      kill(process, SIGTERM)
      var status: Int32 = 0
      waitpid(process, &status, 0)
      process = 0
    }
    if !stopped {
      stopped = true
      // Under the writing lock, so no page still holding this browser writes to a reused descriptor.
      writing.withLock {
        condition.withLock { connected = false }
        close(commands)
      }
      try? FileManager.default.removeItem(at: profile)
    }
  }

  /// Hands the events of `session` to `listener` (method and parameters), on the reading thread.
  func listen(to session: String, _ listener: (@Sendable (String, [String: Any]) -> Void)?) {
    condition.withLock { listeners[session] = listener }
  }

  /// Sends a command (to the browser, or to a page's `session`) and waits for its answer.
  func send(_ method: String, _ parameters: [String: Any] = [:], session: String? = nil) throws -> [String: Any] {
    let id = condition.withLock {
      nextID += 1
      return nextID
    }
    var message: [String: Any] = ["id": id, "method": method, "params": parameters]
    if let session { message["sessionId"] = session }
    let data = try JSONSerialization.data(withJSONObject: message) + Data([0])
    let written = writing.withLock {
      guard condition.withLock({ connected }) else { return -1 }
      return data.withUnsafeBytes { Glibc.send(commands, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
    guard written == data.count else { throw DevToolsError("cannot write \(method) to Chromium") }
    let deadline = Date() + 60
    condition.lock()
    defer { condition.unlock() }
    while replies[id] == nil {
      guard connected else { throw DevToolsError("Chromium ended before answering \(method)") }
      guard condition.wait(until: deadline) else { throw DevToolsError("no answer to \(method)") }
    }
    let reply = replies.removeValue(forKey: id)!
    if let error = reply["error"] { throw DevToolsError("\(method) failed: \(error)") }
    return reply["result"] as? [String: Any] ?? [:]
  }

  /// Reads NUL-separated messages until the pipe closes: keeps the replies, hands events to their page.
  private static func readLoop(_ descriptor: Int32, browser: () -> SharedChromium?) {
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
          let browser = browser()
        else { continue }
        if let id = object["id"] as? Int {
          browser.condition.withLock {
            browser.replies[id] = object
            browser.condition.broadcast()
          }
        } else if let session = object["sessionId"] as? String, let method = object["method"] as? String {
          let listener = browser.condition.withLock { browser.listeners[session] }
          listener?(method, object["params"] as? [String: Any] ?? [:])
        }
      }
    }
    close(descriptor)
    if let browser = browser() {
      browser.condition.withLock {
        browser.connected = false
        browser.condition.broadcast()
      }
    }
  }
}

/// Why a DevTools command failed.
public struct DevToolsError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}
