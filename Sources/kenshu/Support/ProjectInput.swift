import ArgumentParser
import Foundation
import KenshuDefinitions
import KenshuModel

/// Loads the project in the current folder for commands that need a valid model: prints its
/// diagnostics and stops with exit 1 when there are errors.
enum ProjectInput {
  static var root: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

  static func load(format: DiagnosticFormat = .text) throws -> Project {
    let result = ProjectLoader(root: root).load()
    if result.files.isEmpty {
      Console.error(
        ja: "エラー: ここには定義がありません（kenshu.xml か curricula/*.xml が必要です）。kenshu init で作れます",
        en: "error: no definitions found here (expected kenshu.xml or curricula/*.xml); run kenshu init")
      throw ExitCode(2)
    }
    DiagnosticPrinter(format: format).print(result.diagnostics.filter { $0.severity == .error })
    if result.diagnostics.hasErrors {
      Console.error(
        ja: "中止しました: \(result.diagnostics.summaryLine(in: .ja))（詳しくは kenshu validate で確認してください）",
        en: "stopped: \(result.diagnostics.summaryLine(in: .en)) (run kenshu validate for details)")
      throw ExitCode(1)
    }
    return result.project
  }

  /// Writes `text` to `path`, or to stdout when `path` is nil or "-".
  static func write(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
    Console.error(ja: "\(path) に書き出しました", en: "wrote \(path)")
  }
}
