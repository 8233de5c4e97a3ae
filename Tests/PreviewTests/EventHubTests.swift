import Foundation
import Testing

@testable import Preview

@Suite struct EventHubTests {
  private func frames(_ stream: AsyncStream<Data>, count: Int) async -> [String] {
    var result: [String] = []
    for await frame in stream {
      result.append(String(decoding: frame, as: UTF8.self))
      if result.count == count { break }
    }
    return result
  }

  @Test func aRebuildIsBuildingThenReloadWithItsPages() async {
    let hub = EventHub()
    let stream = hub.subscribe()
    hub.rebuildStarted()
    hub.rebuildFinished(ReloadMessage(pages: ["01-intro.html"], ok: true))
    let received = await frames(stream, count: 3)
    #expect(received[0].hasPrefix(": flowbook preview\n"))
    #expect(received[1] == "event: building\ndata: {}\n\n")
    #expect(
      received[2]
        == "event: reload\ndata: {\"failures\":[],\"ok\":true,\"pages\":[\"01-intro.html\"],\"warnings\":[]}\n\n")
  }

  @Test func aLatePageLearnsOfTheLastFailedBuild() async {
    let hub = EventHub()
    let failure = BuildFailure(file: "chapters/a.md", line: 3, message: "error: line one\nline two")
    hub.rebuildFinished(ReloadMessage(pages: [], ok: false, failures: [failure]))
    let received = await frames(hub.subscribe(), count: 2)
    #expect(
      received[1]
        == "event: status\ndata: {\"failures\":[{\"file\":\"chapters/a.md\",\"line\":3,\"message\":\"error: line one\\nline two\"}],\"ok\":false,\"pages\":[],\"warnings\":[]}\n\n"
    )
  }

  @Test func aDroppedStreamUnsubscribes() async {
    let hub = EventHub()
    var stream: AsyncStream<Data>? = hub.subscribe()
    #expect(hub.subscriberCount == 1)
    _ = stream
    stream = nil
    #expect(hub.subscriberCount == 0)
  }
}
