import ArgumentParser
import Foundation
import KenshuDefinitions

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: Language.say(
      ja: "新しい研修プロジェクト（curricula/、content/、kenshu.xml、README）を作ります。",
      en: "Create a new training project (curricula/, content/, kenshu.xml, README)."),
    discussion: Language.say(ja: "すでにあるファイルは上書きしません。", en: "Existing files are never overwritten.")
  )

  @Argument(
    help: .say(
      ja: "プロジェクトを作るフォルダー（省略時: 今いるフォルダー）。",
      en: "Folder to create the project in (default: the current folder)."))
  var directory: String = "."

  func run() throws {
    let folder = URL(fileURLWithPath: directory)
    do {
      let written = try ProjectScaffold.write(into: folder)
      let folder = directory == "." ? "" : directory + "/"
      for path in written { Console.error(ja: "\(folder)\(path) を作りました", en: "created \(folder)\(path)") }
      Console.error(
        ja: "次に: cd \(directory) && kenshu validate && kenshu build",
        en: "next: cd \(directory) && kenshu validate && kenshu build")
    } catch let error as ProjectScaffold.ScaffoldError {
      Console.error(ja: "エラー: \(error.description)", en: "error: \(error.description)")
      throw ExitCode(1)
    }
  }
}
