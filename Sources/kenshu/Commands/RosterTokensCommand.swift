import ArgumentParser
import Foundation
import KenshuCollection
import KenshuModel
import KenshuTabular

extension RosterCommand {
  /// `kenshu roster tokens`: one-time tokens so that each person answers a survey once.
  struct Tokens: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "tokens",
      abstract: Language.say(
        ja: "名簿の全員に、1 回だけ使える回答用トークンを作ります（docs/collect.md）。",
        en: "Generate one-time answer tokens for everyone on a roster (docs/collect.md)."),
      discussion: Language.say(
        ja: """
          参加者、氏名、メールアドレス、トークンを private/ の CSV に書き出し（差し込み印刷や配布票用）、回答データベースにはトークンの SHA-256 ハッシュだけを保存します。それ以降、アンケートは未使用のトークンが合うときだけ回答を受け付けます。もう一度実行すると未使用のトークンを作り直します。すでに回答した人のトークンはそのままです。
          """,
        en: """
          Writes participant, name, email and token to a CSV under private/ (for mail merge or \
          printed slips) and stores only the tokens' SHA-256 hashes in the response database. \
          From then on the survey accepts a response only with a matching unused token. Running \
          it again replaces unused tokens; people who already answered keep theirs.
          """))

    @Argument(
      help: .say(
        ja: "名簿: XML、CSV、.xlsx、.ods のファイル、またはこのプロジェクトの名簿の ID。",
        en: "Roster: XML, CSV, .xlsx, .ods, or a roster id of this project.")) var roster: String
    @OptionGroup var sheetOption: SheetOption
    @Option(help: .say(ja: "トークンを使うアンケートの ID。", en: "Survey id the tokens are for.")) var survey: String?
    @Option(
      help: .say(
        ja: "アンケートの代わりに、トークンを使うモジュール（修了の記録）の ID。",
        en: "Module id (completions) the tokens are for, instead of a survey.")) var module: String?
    @Option(help: CollectionInput.databaseHelp) var database: DatabaseLocation?
    @Option(
      name: .shortAndLong,
      help: .say(
        ja: "書き出す CSV（省略時: private/tokens-ID.csv）。", en: "CSV to write (default: private/tokens-ID.csv)."))
    var out: String?
    @Flag(
      help:
        .say(
          ja: "印刷用の A4 の配布票（氏名、リンク、QR コード、コード）も private/token-slips-ID.html に書き出します（アンケートのみ）。",
          en:
            "Also write printable A4 slips (name, link, QR code, code) to private/token-slips-ID.html (surveys only)."
        )
    )
    var slips = false
    @Option(
      help:
        .say(
          ja: "配布票のリンクに使う公開サイトのアドレス（省略時: kenshu.xml の collect-url が絶対 URL ならそれ）。",
          en:
            "The published site's address for the slips' links (default: kenshu.xml's collect-url when absolute)."
        )
    )
    var siteURL: String?

    func validate() throws {
      if (survey == nil) == (module == nil) {
        throw argumentError(
          ja: "--survey ID か --module ID のどちらか一方を指定してください",
          en: "give exactly one of --survey ID or --module ID")
      }
      if slips, survey == nil {
        throw argumentError(ja: "--slips はアンケート（--survey ID）用です", en: "--slips is for surveys (--survey ID)")
      }
      if siteURL != nil, !slips {
        throw argumentError(ja: "--site-url は --slips と一緒に使います", en: "--site-url needs --slips")
      }
      if let siteURL, !TokenSlips.isSiteURL(siteURL) {
        throw argumentError(
          ja: "--site-url には https://kenshu.example.org/ のような http(s) のアドレスを指定してください",
          en: "--site-url must be an http(s) address such as https://kenshu.example.org/")
      }
    }

    func run() async throws {
      let project = try ProjectInput.load()
      let scope: String
      var anonymous = false
      if let survey {
        anonymous = try SurveyCommand.survey(survey, in: project).anonymous
        scope = survey
      } else {
        let id = module ?? ""
        guard project.module(id)?.collectCompletion == true else {
          throw argumentError(
            ja: "collect-completion=\"true\" の教材「\(id)」がありません",
            en: "no module \"\(id)\" with collect-completion=\"true\"")
        }
        scope = "module:" + id
      }
      let slipsSite = siteURL ?? project.settings.collectURL.flatMap { TokenSlips.isSiteURL($0) ? $0 : nil }
      if slips, slipsSite == nil {
        throw argumentError(
          ja: "--slips にはサイトのアドレスが必要です: --site-url https://…（または絶対アドレスの collect-url）",
          en: "--slips needs the site's address: --site-url https://… (or an absolute collect-url)")
      }
      let people = try RosterInput.load(roster, sheet: sheetOption.sheet).people
      let destination = try PrivateOutput.path(
        out, defaultName: "tokens-\(scope.replacingOccurrences(of: ":", with: "-")).csv")
      var tokens: [String: String] = [:]
      for person in people where tokens[person.id] == nil { tokens[person.id] = ParticipantToken.generate() }
      let store = try await CollectionInput.open(database)
      let added: Set<String>
      do {
        added = Set(
          try await store.addTokens(
            people.map {
              TokenRecord(
                scope: scope, participant: $0.id, tokenHash: ParticipantToken.hash(tokens[$0.id] ?? ""),
                anonymous: anonymous)
            }
          ))
      } catch let mixed as MixedTokenKinds {
        await store.close()
        throw mixed.existingAreAnonymous
          ? argumentError(
            ja: "\(scope) には匿名アンケートの回答コードがすでにあります。anonymous を外すなら、新しいアンケート ID にしてください",
            en: "\(scope) already has tokens of an anonymous survey; without anonymous, use a new survey id")
          : argumentError(
            ja: "\(scope) には anonymous=\"true\" にする前の回答コードがあります。匿名にするなら、新しいアンケート ID にしてください",
            en:
              "\(scope) has tokens issued before anonymous=\"true\"; for an anonymous survey, use a new survey id"
          )
      } catch {
        await store.close()
        throw error
      }
      await store.close()
      var rows = [["participant", "name", "email", "token"]]
      var seen: Set<String> = []
      for person in people where added.contains(person.id) && seen.insert(person.id).inserted {
        rows.append([person.id, person.name, person.email ?? "", tokens[person.id] ?? ""])
      }
      try PrivateOutput.prepare(destination, isFolder: false)
      try CSVWriter(encoding: .utf8BOM).data(for: rows).data.write(to: destination, options: .atomic)
      if slips, let slipsSite, let survey, let definition = project.survey(survey) {
        let page = TokenSlips(
          surveyID: survey, surveyTitle: definition.title, siteURL: slipsSite,
          slips: rows.dropFirst().map { TokenSlips.Slip(participant: $0[0], name: $0[1], token: $0[3]) },
          language: definition.language)
        try PrivateOutput.write(
          try page.html(), to: try PrivateOutput.path(nil, defaultName: "token-slips-\(survey).html"))
      }
      let kept = Set(people.map(\.id)).subtracting(added).count
      Console.error(
        ja: "\(PrivateOutput.display(destination)) に \(scope) のトークン \(rows.count - 1) 件を書き出しました"
          + (kept > 0 ? "。回答済みの \(kept) 人は使用済みのトークンのままです" : "")
          + "（秘密の情報です。本人の分だけを渡してください）",
        en: "wrote \(PrivateOutput.display(destination)): \(rows.count - 1) tokens for \(scope)"
          + (kept > 0 ? "; \(kept) people already answered and keep their used token" : "")
          + " (secret: hand each person only their own)")
    }
  }
}
