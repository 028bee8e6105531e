import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuBuild
import KenshuCollection
import KenshuDefinitions
import KenshuModel
import Testing

@testable import KenshuServer

/// `kenshu serve` as a library: the first builds, a watcher turn, collection over the loaded
/// project, and the listeners ending on cancellation, without the binary.
@Suite struct PreviewSessionTests {
  /// `kenshu init`'s project in a temporary folder.
  func makeProject() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-preview-session-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    _ = try ProjectScaffold.write(into: root)
    return root
  }

  /// What the session said, in English.
  final class Transcript: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var diagnosticRuns: [[Diagnostic]] = []

    var console: BuildConsole {
      BuildConsole(
        say: { line in self.lock.withLock { self.lines.append(line.en.message) } },
        diagnostics: { diagnostics in self.lock.withLock { self.diagnosticRuns.append(diagnostics) } })
    }
    var said: [String] { lock.withLock { lines } }
    var runs: Int { lock.withLock { diagnosticRuns.count } }
  }

  /// Counts how often the store is opened.
  final class StoreOpener: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var count = 0
    let path: String
    init(path: String) { self.path = path }
    func open() throws -> any ResponseStore {
      lock.withLock { count += 1 }
      return try SQLiteResponseStore(path: path)
    }
    var opened: Int { lock.withLock { count } }
  }

  func edit(_ file: URL, appending text: String) throws {
    let old = try String(contentsOf: file, encoding: .utf8)
    try Data((old + text).utf8).write(to: file)
    // A later modification time whatever the file system's clock resolution.
    let later = Date().addingTimeInterval(Double.random(in: 10...1000))
    try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: file.path)
  }

  @Test func start_buildsBothEditionsInPlace_andServesTheLearnerSite() async throws {
    let root = try makeProject()
    let transcript = Transcript()
    let session = try await PreviewSession.start(
      layout: ProjectLayout(root: root),
      configuration: PreviewConfiguration(port: 0, facilitator: FacilitatorPreviewAddress(learnerPort: 0)),
      console: transcript.console)
    #expect(session.learner.build.output.path == root.appendingPathComponent("site").standardizedFileURL.path)
    let facilitator = try #require(session.facilitator)
    #expect(facilitator.build.configuration.edition == .facilitator)
    #expect(facilitator.build.configuration.writeMode == .inPlace)
    #expect(
      FileManager.default.fileExists(
        atPath: facilitator.build.output.appendingPathComponent("index.html").path))
    #expect(session.collection == nil)
    #expect(transcript.runs == 2)
    #expect(transcript.said.contains { $0.hasPrefix("building ") })
    try await Application(router: session.learner.server.router()).test(.router) { client in
      try await client.execute(uri: "/", method: .get) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains("/_kenshu/live-reload.js"))
      }
    }
  }

  @Test func start_withoutFacilitatorAddress_previewsTheLearnerSiteOnly() async throws {
    let session = try await PreviewSession.start(
      layout: ProjectLayout(root: try makeProject()),
      configuration: PreviewConfiguration(port: 0, watch: false),
      console: .silent)
    #expect(session.facilitator == nil)
    #expect(session.learner.server.liveReload == false)
  }

  @Test func rebuild_reloadsPagesAfterAnEdit_andShowsErrorsAfterABreakingOne() async throws {
    let root = try makeProject()
    let layout = ProjectLayout(root: root)
    let session = try await PreviewSession.start(
      layout: layout,
      configuration: PreviewConfiguration(port: 0, facilitator: FacilitatorPreviewAddress(learnerPort: 0)),
      console: .silent)
    let (_, learnerEvents) = await session.learner.status.subscribe()
    let (_, facilitatorEvents) = try await #require(session.facilitator).status.subscribe()
    var learnerIterator = learnerEvents.makeAsyncIterator()
    var facilitatorIterator = facilitatorEvents.makeAsyncIterator()
    let watcher = SourceWatcher(paths: layout.watchedPaths)

    var before = watcher.fingerprint()
    try edit(root.appendingPathComponent("content/my-training/opening.md"), appending: "\n追記：プレビューで確認。\n")
    await session.rebuild(SourceWatcher.changes(from: before, to: watcher.fingerprint()))
    #expect(await learnerIterator.next() == .reload)
    #expect(await facilitatorIterator.next() == .reload)
    let page = try FileManager.default.subpathsOfDirectory(atPath: session.learner.build.output.path)
      .filter { $0.hasSuffix(".html") }
      .map {
        try String(contentsOf: session.learner.build.output.appendingPathComponent($0), encoding: .utf8)
      }
    #expect(page.contains { $0.contains("追記：プレビューで確認。") })

    before = watcher.fingerprint()
    try edit(root.appendingPathComponent("curricula/my-training.xml"), appending: "<broken")
    await session.rebuild(SourceWatcher.changes(from: before, to: watcher.fingerprint()))
    #expect(await learnerIterator.next() == .failed)
    #expect(await !session.learner.status.currentErrors.isEmpty)
    // The previous site stays up.
    #expect(
      FileManager.default.fileExists(
        atPath: session.learner.build.output.appendingPathComponent("index.html").path))
  }

  @Test func collection_takesItsCatalogueFromTheBuild_andFollowsFullRebuilds() async throws {
    let root = try makeProject()
    let layout = ProjectLayout(root: root)
    let opener = StoreOpener(path: root.appendingPathComponent("private/responses.sqlite").path)
    let session = try await PreviewSession.start(
      layout: layout,
      configuration: PreviewConfiguration(
        port: 0, collection: CollectionSettings(rateLimitPerMinute: 0, openStore: { try opener.open() })),
      console: .silent)
    let collector = try #require(session.collection?.collector)
    #expect(opener.opened == 1)
    #expect(Set(collector.catalog.surveys.keys) == ["my-training-eval"])
    // Forms post to this server: the project names no collect-url.
    #expect(session.learner.build.configuration.fallbackCollectURL == "/")

    let watcher = SourceWatcher(paths: layout.watchedPaths)
    let before = watcher.fingerprint()
    let survey = try String(
      contentsOf: root.appendingPathComponent("curricula/my-training-eval.xml"), encoding: .utf8)
    try Data(survey.replacingOccurrences(of: #"id="my-training-eval""#, with: #"id="second-eval""#).utf8)
      .write(to: root.appendingPathComponent("curricula/second-eval.xml"))
    await session.rebuild(SourceWatcher.changes(from: before, to: watcher.fingerprint()))
    #expect(Set(collector.catalog.surveys.keys) == ["my-training-eval", "second-eval"])
    #expect(opener.opened == 1)
    await collector.store.close()
  }

  @Test func checkIn_isServedWithCollection_andFollowsFullRebuilds() async throws {
    let root = try makeProject()
    let layout = ProjectLayout(root: root)
    let opener = StoreOpener(path: root.appendingPathComponent("private/responses.sqlite").path)
    let session = try await PreviewSession.start(
      layout: layout,
      configuration: PreviewConfiguration(
        port: 0, watch: false,
        collection: CollectionSettings(rateLimitPerMinute: 0, openStore: { try opener.open() })),
      console: .silent)
    let reception = try #require(session.collection?.checkIn?.reception)
    #expect(reception.programmes.isEmpty, "the programme names no roster yet")
    #expect(reception.root == root)

    let watcher = SourceWatcher(paths: layout.watchedPaths)
    let before = watcher.fingerprint()
    let programme = root.appendingPathComponent("curricula/my-training.xml")
    let text = try String(contentsOf: programme, encoding: .utf8)
    try Data(text.replacingOccurrences(of: #"id="my-training""#, with: #"id="my-training" roster="r""#).utf8)
      .write(to: programme)
    try Data(
      """
      <roster xmlns="urn:kenshu:1" id="r"><person id="p1" name="山田 太郎" profession="nurse"/></roster>

      """.utf8
    ).write(to: root.appendingPathComponent("rosters/r.xml"))
    await session.rebuild(SourceWatcher.changes(from: before, to: watcher.fingerprint()))
    #expect(reception.programmes == ["my-training"])
    await session.collection?.collector.store.close()
  }

  @Test func collection_onAProjectWithErrors_refusesToStart_andOpensNoStore() async throws {
    let root = try makeProject()
    try edit(root.appendingPathComponent("curricula/my-training.xml"), appending: "<broken")
    let opener = StoreOpener(path: root.appendingPathComponent("private/responses.sqlite").path)
    await #expect(throws: PreviewSessionError.self) {
      _ = try await PreviewSession.start(
        layout: ProjectLayout(root: root),
        configuration: PreviewConfiguration(
          port: 0, collection: CollectionSettings(openStore: { try opener.open() })),
        console: .silent)
    }
    #expect(opener.opened == 0)
    // The first build failed with no previous site: a page that shows the errors is served.
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/index.html").path))
  }

  @Test(.timeLimit(.minutes(1))) func serve_listensUntilCancelled() async throws {
    let transcript = Transcript()
    let session = try await PreviewSession.start(
      layout: ProjectLayout(root: try makeProject()),
      configuration: PreviewConfiguration(port: 0, facilitator: FacilitatorPreviewAddress(learnerPort: 0)),
      console: transcript.console)
    let serving = Task { try await session.serve() }
    while transcript.said.filter({ $0.hasPrefix("serving ") }).count < 2 {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(transcript.said.contains { $0.hasPrefix("serving the facilitator edition at http://127.0.0.1:") })
    serving.cancel()
    try? await serving.value
  }
}
