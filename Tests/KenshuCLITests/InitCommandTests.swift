import Foundation
import Testing

/// `kenshu init` gives a trainer a project that validates without a single warning, and never
/// overwrites their files.
@Suite struct InitCommandTests {
  @Test func test_init_thenValidate_isClean() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let created = try KenshuBinary.run(["init", "my-project"], in: folder)
    #expect(created.status == 0)
    let project = folder.appendingPathComponent("my-project")
    for path in ["kenshu.xml", "curricula", "content", "README.md"] {
      #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(path).path), "\(path)")
    }
    let run = try KenshuBinary.run(["validate", "--strict"], in: project)
    #expect(run.status == 0)
    #expect(run.stderrLines.last?.hasSuffix(": 0 errors, 0 warnings") == true, "\(run.stderr)")
  }

  @Test func test_init_refusesToOverwrite() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let readme = folder.appendingPathComponent("README.md")
    try Data("私のメモ".utf8).write(to: readme)
    let run = try KenshuBinary.run(["init", "."], in: folder)
    #expect(run.status == 1)
    #expect(run.stderr.contains("README.md"))
    #expect(try String(contentsOf: readme, encoding: .utf8) == "私のメモ")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("kenshu.xml").path))
  }
}
