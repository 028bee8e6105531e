import Foundation

/// The files `kenshu init` writes: a small programme that validates and builds, a survey, a
/// README for trainers, and a .gitignore that keeps generated and personal data out of git.
public enum ProjectScaffold {
  /// Relative path → contents.
  public static let files: [(path: String, contents: String)] = [
    (".gitignore", gitignore),
    ("kenshu.xml", settings),
    ("curricula/my-training.xml", programme),
    ("curricula/my-training-eval.xml", survey),
    ("content/my-training/opening.md", opening),
    ("content/my-training/case.md", caseText),
    ("rosters/README.md", rostersReadme),
    ("README.md", readme),
  ]

  /// Writes the scaffold into `folder`, refusing to overwrite any existing file.
  /// Returns the paths written.
  public static func write(into folder: URL) throws -> [String] {
    let manager = FileManager.default
    let clashes = files.map(\.path).filter {
      manager.fileExists(atPath: folder.appendingPathComponent($0).path)
    }
    guard clashes.isEmpty else { throw ScaffoldError.wouldOverwrite(clashes) }
    for file in files {
      let url = folder.appendingPathComponent(file.path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.contents.utf8).write(to: url, options: .withoutOverwriting)
    }
    return files.map(\.path)
  }

  public enum ScaffoldError: Error, CustomStringConvertible {
    case wouldOverwrite([String])

    public var description: String {
      switch self {
      case .wouldOverwrite(let paths):
        "these files already exist and were left alone: \(paths.joined(separator: ", "))"
      }
    }
  }

  static let gitignore = """
    # Generated site (kenshu build)
    /site/
    # Personal data: rosters with names, group plans, survey answers, reports (never commit)
    /private/
    # Locks and unfinished writes of attendance records (check-in, attendance import)
    /rosters/.*.lock
    /rosters/.*.tmp

    """

  static let settings = """
    <?xml version="1.0" encoding="UTF-8"?>
    <site xmlns="urn:kenshu:1" xml:lang="ja" title="研修サイト" organiser="（主催者名）" accent-colour="#1f5f7a">
      <footer>お問い合わせ：（主催者の連絡先）</footer>
    </site>

    """

  static let programme = """
    <?xml version="1.0" encoding="UTF-8"?>
    <programme xmlns="urn:kenshu:1" id="my-training" xml:lang="ja">
      <title>多職種連携研修</title>
      <edition version="1" date="2026-04-01"/>
      <purpose>在宅医療・介護に関わる職種が互いの役割を知り、連携の方法を考えます。</purpose>
      <audience professions="doctor nurse pharmacist care-manager care-worker municipal-staff"/>
      <organiser>（主催者名）</organiser>
      <objective id="obj-roles">各職種の役割を説明できる</objective>
      <course id="day1" start="13:30" end="16:30">
        <title>1日目</title>
        <session id="opening" kind="opening" duration="PT10M">
          <title>開会・オリエンテーション</title>
          <content src="my-training/opening.md"/>
        </session>
        <session id="gw1" kind="groupwork" duration="PT90M" practises="obj-roles">
          <title>グループワーク：退院前カンファレンス</title>
          <groups size="6" min-professions="4" separate="organisation"/>
          <case id="case1" title="退院を控えたAさん" src="my-training/case.md"/>
          <question>Aさんが自宅に戻るために、あなたの職種は何ができますか。</question>
          <role name="司会">時間を見ながら全員が話せるように進めます。</role>
          <role name="書記">意見を模造紙にまとめます。</role>
          <role name="発表者">全体共有で発表します。</role>
          <phase title="個人ワーク" minutes="10"><prompt>まず一人で考えを書き出しましょう。</prompt></phase>
          <phase title="グループ討議" minutes="50"><prompt>他の職種の視点を聞いてみましょう。</prompt></phase>
          <phase title="全体共有" minutes="20"/>
          <phase title="講評" minutes="10"/>
          <facilitator-notes>各グループに一人ずつ入り、全職種が発言できるよう促します。</facilitator-notes>
        </session>
        <session id="break1" kind="break" duration="PT10M">
          <title>休憩</title>
        </session>
        <session id="eval" kind="survey" survey="my-training-eval" duration="PT10M">
          <title>アンケート</title>
        </session>
        <session id="closing" kind="closing" duration="PT10M">
          <title>閉会</title>
        </session>
      </course>
    </programme>

    """

  static let survey = """
    <?xml version="1.0" encoding="UTF-8"?>
    <survey xmlns="urn:kenshu:1" id="my-training-eval" xml:lang="ja">
      <title>研修アンケート</title>
      <item id="q1" type="profession" required="true"><text>あなたの職種を教えてください。</text></item>
      <item id="q2" type="likert" scale="satisfaction5" level="1"><text>研修全体の満足度</text></item>
      <item id="q3" type="likert" scale="agree5" level="2a" evaluates="obj-roles">
        <text>他の職種の役割を説明できるようになった</text>
      </item>
      <item id="q4" type="text" max-length="400"><text>ご意見・ご感想</text></item>
    </survey>

    """

  static let opening = """
    # 開会

    本日の研修の流れと、グループワークの進め方を説明します。

    """

  static let caseText = """
    # 事例：退院を控えたAさん

    Aさん（80代男性）は心不全で入院中です。来週の退院に向けて、退院前カンファレンスが開かれます。
    妻（70代）と二人暮らしで、妻は「家でみられるか不安」と話しています。

    """

  static let rostersReadme = """
    # rosters/

    名簿（XML）を置きます。CSVは `kenshu roster import 名簿.csv --out rosters/NAME.xml` で変換します。
    名簿は個人情報です。公開サイトには出力されません。

    Rosters are personal data: keep this folder in a private repository.

    """

  static let readme = """
    # 研修プロジェクト / Training project

    Kenshu の研修プロジェクトです。

    - `curricula/` — 研修の定義（XML）/ course definitions
    - `content/` — 教材（Markdown）/ lesson text and cases
    - `rosters/` — 名簿（個人情報）/ rosters (personal data)
    - `kenshu.xml` — サイトの設定 / site settings

    ## 使い方 / Usage

    ```
    kenshu validate      # 定義をチェック / check definitions
    kenshu build         # site/ にサイトを作成 / build the site into site/
    ```

    `site/` と `private/` は自動生成されるため、git には登録しません。
    `site/` and `private/` are generated and are not committed.

    """
}
