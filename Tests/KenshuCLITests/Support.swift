import Foundation
import Testing

/// The built `kenshu` executable, run as a user would run it.
enum KenshuBinary {
  /// The repository root, found from this file's path (Tests/KenshuCLITests/Support.swift).
  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `kenshu` sits beside the test bundle in SwiftPM's build folder; fall back to the
  /// repository's `.build/debug`.
  static var url: URL {
    get throws {
      let bundles = [Bundle.main] + Bundle.allBundles
      let candidates =
        bundles.flatMap { [$0.bundleURL, $0.bundleURL.deletingLastPathComponent()] }
        .map { $0.appendingPathComponent("kenshu") }
        + [repositoryRoot.appendingPathComponent(".build/debug/kenshu")]
      return try #require(
        candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
        "build kenshu first: swift build --build-tests")
    }
  }

  /// This process's environment with `KENSHU_LANG=en`, for running `kenshu` with English
  /// messages whatever the machine's locale or the project's language.
  static var englishEnvironment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["KENSHU_LANG"] = "en"
    return environment
  }

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
  }

  /// Runs `kenshu arguments…` in `folder`, with output captured through files (pipes can
  /// fill up and block when one stream is read before the other).
  static func run(
    _ arguments: [String], in folder: URL, environment extraEnvironment: [String: String] = [:]
  ) throws -> Run {
    let process = Process()
    process.executableURL = try url
    process.arguments = arguments
    process.currentDirectoryURL = folder
    // Messages in English unless a test asks otherwise: the tests match on English wording,
    // and the machine's locale or a project's xml:lang="ja" would otherwise choose Japanese.
    // `environment` overrides it; an empty value removes a variable.
    var environment = englishEnvironment
    for (name, value) in extraEnvironment { environment[name] = value.isEmpty ? nil : value }
    process.environment = environment
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kenshu-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let out = scratch.appendingPathComponent("stdout")
    let err = scratch.appendingPathComponent("stderr")
    try Data().write(to: out)
    try Data().write(to: err)
    let outHandle = try FileHandle(forWritingTo: out)
    let errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return Run(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
  }

  /// A fixture folder of this test target (`Tests/KenshuCLITests/Fixtures/<name>`).
  static func fixture(_ name: String) -> URL {
    repositoryRoot.appendingPathComponent("Tests/KenshuCLITests/Fixtures/\(name)")
  }
}

/// A throw-away folder.
func makeTemporaryFolder() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-cli-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
