import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuModel
import Testing

@testable import KenshuServer

@Suite struct PreviewServerTests {
  /// A small built site in a temporary folder.
  func makeSite() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-preview-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("day1"), withIntermediateDirectories: true)
    try Data("<!doctype html><html lang=\"ja\"><body><p>トップ</p></body></html>".utf8)
      .write(to: root.appendingPathComponent("index.html"))
    try Data("<!doctype html><html><body>1日目</body></html>".utf8).write(
      to: root.appendingPathComponent("day1/index.html"))
    try Data("body{}".utf8).write(to: root.appendingPathComponent("style.css"))
    try Data(SiteMarker.contents.utf8).write(to: root.appendingPathComponent(SiteMarker.fileName))
    return root
  }

  @Test func servesPages_withLiveReloadScriptInjected() async throws {
    let server = PreviewServer(siteRoot: try makeSite())
    let app = Application(router: server.router())
    try await app.test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .ok)
        let body = String(buffer: response.body)
        #expect(body.contains("トップ"))
        #expect(body.contains("<script src=\"/_kenshu/live-reload.js\" defer></script></body>"))
      }
      try await client.execute(uri: "/day1/", method: .get) { response in
        #expect(String(buffer: response.body).contains("1日目"))
      }
      try await client.execute(uri: "/style.css", method: .get) { response in
        #expect(response.headers[.contentType] == "text/css; charset=utf-8")
        #expect(String(buffer: response.body) == "body{}")
      }
    }
  }

  @Test func refusesPathsOutsideTheSite() async throws {
    let server = PreviewServer(siteRoot: try makeSite())
    let app = Application(router: server.router())
    try await app.test(.router) { client in
      for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/day1/../../x", "/missing.html"] {
        try await client.execute(uri: path, method: .get) { response in
          #expect(response.status == .notFound, "\(path)")
        }
      }
    }
  }

  @Test func status_reportsTheLastBuildsErrors() async throws {
    let status = BuildStatus()
    let server = PreviewServer(siteRoot: try makeSite(), status: status)
    await status.record(
      diagnostics: [
        .error(
          "missing-attribute", at: SourceLocation(file: "curricula/a.xml", line: 3, column: 5),
          "<session> needs a duration")
      ],
      succeeded: false)
    let app = Application(router: server.router())
    try await app.test(.router) { client in
      try await client.execute(uri: "/_kenshu/status", method: .get) { response in
        let body = String(buffer: response.body)
        #expect(body.contains("\"code\" : \"missing-attribute\""))
        #expect(body.contains("curricula/a.xml"))
      }
      try await client.execute(uri: "/_kenshu/live-reload.js", method: .get) { response in
        #expect(String(buffer: response.body).contains("EventSource"))
      }
    }
    await status.record(diagnostics: [], succeeded: true)
    #expect(await status.currentErrors.isEmpty)
  }

  @Test func buildStatus_broadcastsToSubscribers() async throws {
    let status = BuildStatus()
    let (id, events) = await status.subscribe()
    await status.record(diagnostics: [], succeeded: true)
    await status.record(diagnostics: [], succeeded: false)
    var iterator = events.makeAsyncIterator()
    #expect(await iterator.next() == .reload)
    #expect(await iterator.next() == .failed)
    await status.unsubscribe(id)
    #expect(await status.listenerCount == 0)
  }

  @Test func watcher_fingerprintChangesWhenAFileChanges() throws {
    let root = try makeSite()
    let watcher = SourceWatcher(paths: [root])
    let before = watcher.fingerprint()
    try Data("body{color:red}".utf8).write(to: root.appendingPathComponent("style.css"))
    #expect(watcher.fingerprint() != before)
    #expect(before.count == 3)
  }
}

@Suite struct SourceChangesTests {
  @Test func changes_tellAddedEditedAndRemovedFiles() {
    let old = ["/p/content/a.md": "1@1.0", "/p/content/b.md": "1@1.0", "/p/curricula/x.xml": "5@1.0"]
    let new = ["/p/content/a.md": "2@2.0", "/p/content/c.md": "1@3.0", "/p/curricula/x.xml": "5@1.0"]
    let changes = SourceWatcher.changes(from: old, to: new)
    #expect(changes.edited == ["/p/content/a.md"])
    #expect(changes.added == ["/p/content/c.md"])
    #expect(changes.removed == ["/p/content/b.md"])
  }

  @Test func contentEdits_areRelativePaths_onlyWhenNothingElseChanged() {
    let content = URL(fileURLWithPath: "/p/content")
    #expect(
      SourceChanges(edited: ["/p/content/day1/a.md", "/p/content/b.md"]).edits(onlyUnder: content)
        == ["day1/a.md", "b.md"])
    #expect(
      SourceChanges(edited: ["/p/content/a.md", "/p/curricula/x.xml"]).edits(onlyUnder: content) == nil)
    #expect(SourceChanges(added: ["/p/content/new.md"]).edits(onlyUnder: content) == nil)
    #expect(SourceChanges(removed: ["/p/content/a.md"]).edits(onlyUnder: content) == nil)
    #expect(SourceChanges(edited: ["/p/contents/a.md"]).edits(onlyUnder: content) == nil)
  }

  @Test func watcher_skipsHiddenFiles_andSeesNestedOnes() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-watch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
    try Data("x".utf8).write(to: root.appendingPathComponent("a/b/c.md"))
    try Data("x".utf8).write(to: root.appendingPathComponent("a/.hidden"))
    let fingerprint = SourceWatcher(paths: [root]).fingerprint()
    #expect(Set(fingerprint.keys) == [root.appendingPathComponent("a/b/c.md").path])
  }
}
