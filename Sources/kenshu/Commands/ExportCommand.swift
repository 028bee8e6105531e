import ArgumentParser
import Foundation
import KenshuExport
import KenshuModel

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: Language.say(
      ja: "自己学習モジュールを学習管理システム（LMS）用に書き出します。",
      en: "Export a self-study module for a learning-management system."),
    subcommands: [GIFT.self, MoodleXML.self, SCORM.self]
  )

  /// Finds the module or stops with a list of the ones that exist.
  static func module(_ id: String, in project: Project) throws -> SelfStudyModule {
    guard let module = project.module(id) else {
      let known = project.modules.map(\.id).joined(separator: ", ")
      Console.error(
        ja: "エラー: 教材「\(id)」がありません（教材: \(known.isEmpty ? "なし" : known)）",
        en: "error: no module \"\(id)\" (modules: \(known.isEmpty ? "none" : known))")
      throw ExitCode(2)
    }
    if module.quiz == nil {
      Console.error(
        ja: "警告: 教材「\(id)」には小テスト（<quiz>）がないため、書き出す問題はありません",
        en: "warning: module \"\(id)\" has no quiz; the export is empty")
    }
    return module
  }

  struct GIFT: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "gift",
      abstract: Language.say(
        ja: "モジュールの確認テストを Moodle の GIFT 形式で書き出します。", en: "Write the module's quiz as a Moodle GIFT file."))

    @Argument(help: .say(ja: "モジュールの ID。", en: "Module id.")) var moduleID: String
    @Option(
      name: .shortAndLong,
      help: .say(ja: "出力先のファイル（省略時: 標準出力）。", en: "Output file (default: standard output).")) var out: String?

    func run() throws {
      let module = try ExportCommand.module(moduleID, in: ProjectInput.load())
      for problem in MoodleGrades.problems(in: module) {
        Console.error(ja: "警告: \(problem.ja.message)", en: "warning: \(problem.en.message)")
      }
      try ProjectInput.write(GIFTExporter.export(module), to: out)
    }
  }

  struct MoodleXML: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "moodle-xml",
      abstract: Language.say(
        ja: "モジュールの確認テストを Moodle XML で書き出します。", en: "Write the module's quiz as Moodle XML."))

    @Argument(help: .say(ja: "モジュールの ID。", en: "Module id.")) var moduleID: String
    @Option(
      name: .shortAndLong,
      help: .say(ja: "出力先のファイル（省略時: 標準出力）。", en: "Output file (default: standard output).")) var out: String?

    func run() throws {
      let module = try ExportCommand.module(moduleID, in: ProjectInput.load())
      for problem in MoodleGrades.problems(in: module) {
        Console.error(ja: "警告: \(problem.ja.message)", en: "warning: \(problem.en.message)")
      }
      try ProjectInput.write(MoodleXMLExporter.export(module), to: out)
    }
  }

  struct SCORM: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "scorm",
      abstract: Language.say(
        ja: "モジュールを LMS 用の SCORM 1.2 パッケージ（zip）として書き出します。",
        en: "Write the module as a SCORM 1.2 package (zip) for an LMS."))

    @Argument(help: .say(ja: "モジュールの ID。", en: "Module id.")) var moduleID: String
    @Option(name: .shortAndLong, help: .say(ja: "出力先の zip ファイル。", en: "Output zip file.")) var out: String

    func run() throws {
      let project = try ProjectInput.load()
      // An unknown id stops here with the list of modules (a module without a quiz is fine).
      if project.module(moduleID) == nil { _ = try ExportCommand.module(moduleID, in: project) }
      guard let package = SCORMPackage(moduleID: moduleID, project: project, projectRoot: ProjectInput.root)
      else { throw ExitCode(2) }
      DiagnosticPrinter(format: .text).print(package.diagnostics)
      if package.diagnostics.hasErrors { throw ExitCode(1) }
      let url = URL(fileURLWithPath: out)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try package.zipData().write(to: url, options: .atomic)
      Console.error(
        ja: "\(out) に書き出しました（\(package.files.count) ファイル）", en: "wrote \(out) (\(package.files.count) files)")
    }
  }
}
