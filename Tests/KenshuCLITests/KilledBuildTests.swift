import Foundation
import Testing

/// `kenshu build` killed with SIGKILL while it writes leaves its staging folder; the next build
/// removes it and publishes the site.
@Suite struct KilledBuildTests {
  func stagingFolders(in project: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: project.path)) ?? []).filter {
      $0.hasPrefix(".site.kenshu-staging-")
    }
  }

  @Test func test_sigkilledBuild_leavesStaging_theNextBuildRemovesIt() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try KenshuBinary.run(["init", "p"], in: folder).status == 0)
    let project = folder.appendingPathComponent("p")
    // A first site, so that the killed build is replacing one (the case where a moment
    // without a site could be seen).
    #expect(try KenshuBinary.run(["build"], in: project).status == 0)

    // Kill a build the moment its staging folder appears; a fast build may finish first, so try
    // a few times.
    var caught = false
    for _ in 0..<30 where !caught {
      let process = Process()
      process.executableURL = try KenshuBinary.url
      process.environment = KenshuBinary.englishEnvironment
      process.arguments = ["build"]
      process.currentDirectoryURL = project
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      while process.isRunning {
        if !stagingFolders(in: project).isEmpty {
          kill(process.processIdentifier, SIGKILL)
          caught = true
          break
        }
      }
      process.waitUntilExit()
      if caught { #expect(process.terminationReason == .uncaughtSignal) }
    }
    try #require(caught, "no build was caught while writing")
    #expect(!stagingFolders(in: project).isEmpty, "the killed build left its staging folder")
    #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("site/index.html").path))

    let next = try KenshuBinary.run(["build"], in: project)
    #expect(next.status == 0, "\(next.stderr)")
    #expect(stagingFolders(in: project).isEmpty, "\(stagingFolders(in: project))")
    #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent("site/index.html").path))
  }
}
