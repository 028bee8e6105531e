import CKenshuFiles
import Foundation
import KenshuModel
import Testing

@testable import KenshuSite

/// A build killed half-way leaves its staging folder; the next build removes it (and only
/// folders of its own that nobody is using). The swap leaves no moment without a site.
@Suite(.serialized) struct StagingFolderTests {
  /// The pid of a process that has exited.
  func deadPID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test func test_nextBuild_removesStagingFoldersOfKilledBuilds_only() throws {
    let folder = SampleProject.temporaryFolder()
    let site = folder.appendingPathComponent("site")
    let manager = FileManager.default
    let dead = try deadPID()
    let killed = folder.appendingPathComponent(".site.kenshu-staging-\(dead)-12345")
    let retired = folder.appendingPathComponent(".site.kenshu-old-\(dead)-777")
    let running = folder.appendingPathComponent(".site.kenshu-staging-\(getpid())-99")
    let otherOutput = folder.appendingPathComponent(".public.kenshu-staging-\(dead)-1")
    let lookalike = folder.appendingPathComponent(".site.kenshu-staging-notapid")
    for url in [killed, retired, running, otherOutput, lookalike] {
      try manager.createDirectory(
        at: url.appendingPathComponent("programmes"), withIntermediateDirectories: true)
      try Data("half".utf8).write(to: url.appendingPathComponent("index.html"))
    }
    // A link with the pattern's name is not ours to follow or remove.
    let linkTarget = folder.appendingPathComponent("keep-me")
    try manager.createDirectory(at: linkTarget, withIntermediateDirectories: true)
    let link = folder.appendingPathComponent(".site.kenshu-staging-\(dead)-5")
    try manager.createSymbolicLink(at: link, withDestinationURL: linkTarget)
    // A build of this process still writing into `running`: it holds the lock.
    let lock = StagingFolders.lock(running.path)
    #expect(lock >= 0)
    defer { close(lock) }

    let report = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      SampleProject.make())
    #expect(report.published)
    #expect(!manager.fileExists(atPath: killed.path))
    #expect(!manager.fileExists(atPath: retired.path))
    #expect(manager.fileExists(atPath: running.path), "in use: its lock is held")
    #expect(manager.fileExists(atPath: otherOutput.path), "another output's folder")
    #expect(manager.fileExists(atPath: lookalike.path), "not Kenshu's naming pattern")
    #expect((try? manager.destinationOfSymbolicLink(atPath: link.path)) != nil)
    #expect(manager.fileExists(atPath: linkTarget.path))
    let left = try manager.contentsOfDirectory(atPath: folder.path).filter { $0.contains("kenshu-staging") }
    #expect(
      Set(left) == [
        running.lastPathComponent, otherOutput.lastPathComponent, lookalike.lastPathComponent,
        link.lastPathComponent,
      ])
  }

  @Test func test_aKilledBuild_leavesAStagingFolder_thatTheNextBuildRemoves() throws {
    // A real SIGKILL: a child process holds a lock on a staging folder, as a build does, and is killed.
    let folder = SampleProject.temporaryFolder()
    let site = folder.appendingPathComponent("site")
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/sleep")
    child.arguments = ["30"]
    try child.run()
    let staging = folder.appendingPathComponent(".site.kenshu-staging-\(child.processIdentifier)-42")
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    // Alive (though holding no lock): older than an hour it would count as a reused pid.
    _ = StagingFolders.removeStale(besides: site)
    #expect(FileManager.default.fileExists(atPath: staging.path), "its process is alive")
    kill(child.processIdentifier, SIGKILL)
    child.waitUntilExit()
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(
      SampleProject.make())
    #expect(!FileManager.default.fileExists(atPath: staging.path))
  }

  @Test func test_exchange_swapsTwoFoldersInOneStep() throws {
    let folder = SampleProject.temporaryFolder()
    let a = folder.appendingPathComponent("a")
    let b = folder.appendingPathComponent("b")
    try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
    try Data("A".utf8).write(to: a.appendingPathComponent("x"))
    try Data("B".utf8).write(to: b.appendingPathComponent("x"))
    #expect(kenshu_rename_exchange(a.path, b.path) == 0, "errno \(errno)")
    #expect(SampleProject.read(a, "x") == "B")
    #expect(SampleProject.read(b, "x") == "A")
  }

  @Test func test_rebuilds_neverLeaveAMomentWithoutTheSite() throws {
    let folder = SampleProject.temporaryFolder()
    let site = folder.appendingPathComponent("site")
    var project = SampleProject.make()
    _ = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site)).build(project)
    let index = site.appendingPathComponent("index.html").path
    let stop = Flag()
    let misses = Counter()
    let probes = Counter()
    let watcher = Thread {
      while !stop.isSet {
        probes.add()
        if access(index, F_OK) != 0 { misses.add() }
      }
    }
    watcher.start()
    let exchangesBefore = SiteWriteSession.exchanges.value
    for round in 0..<12 {
      project.programmes[0].title = "研修 \(round)"
      let report = try SiteBuilder(projectRoot: SampleProject.root, options: BuildOptions(output: site))
        .build(
          project)
      #expect(report.published)
    }
    stop.set()
    while !watcher.isFinished { usleep(1000) }
    #expect(probes.value > 100)
    // Each swap was one exchange, not the two-rename fallback (whose gap is too short for the
    // probe to be sure of seeing).
    #if os(Linux)
      #expect(SiteWriteSession.exchanges.value - exchangesBefore >= 12)
    #endif
    #expect(misses.value == 0, "site/index.html was missing \(misses.value) times of \(probes.value)")
    #expect(SampleProject.read(site, "index.html").contains("研修 11"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix(".site.")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}

final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  var isSet: Bool { lock.withLock { value } }
  func set() { lock.withLock { value = true } }
}

final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func add() { lock.withLock { count += 1 } }
}
