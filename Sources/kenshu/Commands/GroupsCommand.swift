import ArgumentParser
import Foundation
import KenshuGroups
import KenshuModel

struct GroupsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "groups",
    abstract: Language.say(
      ja: "グループワークのために多職種のグループを作ります（1 ラウンドでも複数ラウンドでも）。",
      en: "Form multidisciplinary groups for group work, for one or more rounds."),
    discussion: Language.say(
      ja: """
        参加者は名簿の受講者です。グループの人数はセッションの <groups>（--session プログラムID/セッションID）か --size で決まります。同じ --seed なら毎回同じ結果になります。table と json は画面に表示します。csv と html（A4 のテーブル札）は氏名を含むので、--out で指定しない限り private/ に書き出します。方法は docs/groups.md に書いてあります。
        """,
      en: """
        Participants are the roster's trainees. Group size comes from a session's <groups> \
        (--session PROGRAMME_ID/SESSION_ID) or from --size. Deterministic for a given --seed. \
        table and json print to the terminal; csv and html (A4 table cards) name people and are \
        written to private/ unless --out says otherwise. The algorithm is described in docs/groups.md.
        """)
  )

  enum Format: String, CommandOutputFormat {
    case table, csv, json, html, xlsx
    static let standard = Format.table
  }

  @Option(
    help: .say(
      ja: "名簿: XML、CSV、.xlsx、.ods のファイル、またはこのプロジェクトの名簿の ID。",
      en: "Roster: XML, CSV, .xlsx, .ods, or a roster id of this project.")) var roster: String
  @Option(
    help:
      .say(
        ja: "グループの人数、最低職種数、分ける条件、ラウンド数をこのセッションから取ります（プログラムID/セッションID）。",
        en:
          "Take group size, minimum professions, separation and rounds from this session (PROGRAMME_ID/SESSION_ID)."
      )
  )
  var session: String?
  @Option(help: .say(ja: "1 グループの人数（--session がないとき）。", en: "Group size (when no --session).")) var size: Int?
  @Option(
    help: .say(
      ja: "いちばん大きいグループの人数（size〜max-size 人のグループになります）。", en: "Largest group (groups of size…max-size)."))
  var maxSize: Int?
  @Option(help: .say(ja: "1 グループに入れる職種の最低数。", en: "Minimum distinct professions per group."))
  var minProfessions: Int?
  @Option(help: .say(ja: "メンバーを入れ替えるラウンドの数。", en: "Rounds of reshuffled groups.")) var rounds: Int?
  @Option(
    help: .say(
      ja: "ファシリテーター: 同じ名簿の役割（facilitator、instructor）か、別の名簿。",
      en: "Facilitators: a role of the same roster (facilitator, instructor), or another roster."))
  var facilitators: String?
  @Option(help: .say(ja: "探索のシード（同じシードなら同じグループ分けになります）。", en: "Seed for the search (same seed, same plan)."))
  var seed: UInt64 = 1
  @Flag(help: .say(ja: "同じ市区町村の人も別のグループに分けます。", en: "Also keep people from the same municipality apart."))
  var separateMunicipalities = false
  @Flag(help: .say(ja: "地域（都道府県）がグループ間で偏らないようにします。", en: "Balance regions (prefectures) across groups."))
  var balanceRegions = false
  @OptionGroup var output: FormatOption<Format>
  @OptionGroup var sheetOption: SheetOption
  @Option(
    name: .shortAndLong,
    help: .say(
      ja: "書き出すファイル（省略時: table/json は画面、csv/html は private/）。",
      en: "File to write (default: terminal for table/json, private/ for csv/html)."))
  var out: String?

  func validate() throws {
    if session == nil && size == nil {
      throw argumentError(
        ja: "--session 研修ID/セッションID か --size 人数 を指定してください",
        en: "give --session PROGRAMME_ID/SESSION_ID or --size K")
    }
    if session != nil && size != nil {
      throw argumentError(
        ja: "--session と --size はどちらか一方だけを指定してください", en: "give --session or --size, not both")
    }
    if let size, !(2...50).contains(size) {
      throw argumentError(ja: "--size は 2〜50 にしてください", en: "--size must be 2–50")
    }
    if let rounds, !(1...GroupFormation.maximumRounds).contains(rounds) {
      throw argumentError(
        ja: "--rounds は 1〜\(GroupFormation.maximumRounds) にしてください",
        en: "--rounds must be 1–\(GroupFormation.maximumRounds)")
    }
  }

  func run() throws {
    let people = try RosterInput.load(roster, sheet: sheetOption.sheet).people
    var settings: GroupFormationSettings
    var subject: String?
    var name: String
    if let session {
      let (programme, spec) = try Self.groupWork(session)
      settings = GroupFormationSettings(
        spec: spec, rounds: rounds, seed: seed, balanceRegions: balanceRegions)
      subject = programme
      name = session.replacingOccurrences(of: "/", with: "-")
    } else {
      settings = GroupFormationSettings(
        size: size ?? 6, maxSize: maxSize, minProfessions: minProfessions, rounds: rounds ?? 1, seed: seed,
        balanceRegions: balanceRegions)
      name = "size\(size ?? 6)"
    }
    if session != nil {
      if let maxSize { settings.maxSize = maxSize }
      if let minProfessions { settings.minProfessions = minProfessions }
    }
    if separateMunicipalities, !settings.separate.contains(.municipality) {
      settings.separate.append(.municipality)
    }

    let participants = people.filter { $0.roles.contains(.trainee) }
    let chosenFacilitators = try facilitatorPool(from: people, subject: subject)
    if facilitators == nil, people.contains(where: { $0.roles.contains(.facilitator) }) {
      Console.error(
        ja: "注記: 名簿にファシリテーターがいます。各グループに 1 人ずつ配置するには --facilitators facilitator を付けてください",
        en: "note: the roster lists facilitators; add --facilitators facilitator to seat one per group")
    }
    let result = GroupFormation(
      participants: participants, facilitators: chosenFacilitators, settings: settings
    ).run()
    DiagnosticPrinter(format: .text).print(result.diagnostics)
    if result.diagnostics.hasErrors { throw ExitCode(1) }
    for unmet in result.quality.unmet {
      Console.error(ja: "満たせなかった条件: \(unmet.text(in: .ja))", en: "unmet: \(unmet.text(in: .en))")
    }

    switch output.format {
    case .json:
      try write(result.renderJSON(), personal: false, defaultName: "groups-\(name).json")
    case .table:
      try write(result.renderTable(), personal: false, defaultName: "groups-\(name).txt")
    case .csv:
      try write(result.renderCSV(), personal: true, defaultName: "groups-\(name).csv")
    case .html:
      try write(result.renderHTML(), personal: true, defaultName: "groups-\(name).html")
    case .xlsx:
      // A workbook is never sent to the terminal.
      try PrivateOutput.write(
        result.renderXLSX(),
        to: PrivateOutput.path(out == "-" ? nil : out, defaultName: "groups-\(name).xlsx"))
    }
  }

  private func write(_ text: String, personal: Bool, defaultName: String) throws {
    if !personal && out == nil || out == "-" {
      FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
      return
    }
    try PrivateOutput.write(text, to: PrivateOutput.path(out, defaultName: defaultName))
  }

  /// Facilitators from a role of the same roster, or from another roster. Only those qualified
  /// for the programme are used when the pool records qualifications at all.
  private func facilitatorPool(from people: [Person], subject: String?) throws -> [Person] {
    guard let facilitators else { return [] }
    let role = PersonRole(parsing: facilitators)
    let pool =
      role != nil
      ? people : try RosterInput.load(facilitators).people
    if role == nil {
      // Output names people by id only, so a facilitator from another roster must not share an
      // id with a different participant (CSV rosters without an ID column both number rows r0002…).
      let participantNames = Dictionary(
        people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
      let clashes = pool.filter { person in participantNames[person.id].map { $0 != person.name } ?? false }
        .map(\.id)
      if !clashes.isEmpty {
        let listed = clashes.prefix(5).joined(separator: ", ") + (clashes.count > 5 ? ", …" : "")
        Console.error(
          ja: "エラー: \(facilitators) と \(roster) で、別の人に同じ ID が使われています: \(listed)",
          en: "error: \(facilitators) and \(roster) use the same ids for different people: \(listed)")
        Console.error(
          ja: "名簿に重ならない ID の列（ID/番号）を設けるか、ファシリテーターを同じ名簿に載せてください",
          en:
            "give the rosters an ID column (ID/番号) with distinct ids, or list facilitators in the same roster"
        )
        throw ExitCode(1)
      }
    }
    let tracksQualifications = pool.contains { !$0.qualifications.isEmpty }
    let selection = FacilitatorSelection.facilitators(
      in: pool, role: role ?? .facilitator, qualifiedFor: tracksQualifications ? subject : nil)
    DiagnosticPrinter(format: .text).print(selection.diagnostics)
    if selection.facilitators.isEmpty {
      Console.error(
        ja: "警告: \(facilitators) に \(role?.rawValue ?? "facilitator") がいません",
        en: "warning: no \(role?.rawValue ?? "facilitator") found in \(facilitators)")
    }
    return selection.facilitators
  }

  /// The group-work spec of PROGRAMME_ID/SESSION_ID in this project.
  static func groupWork(_ reference: String) throws -> (programme: String, spec: GroupWorkSpec) {
    let parts = reference.split(separator: "/").map(String.init)
    guard parts.count == 2 else {
      throw argumentError(
        ja: "--session は 研修ID/セッションID の形で指定してください", en: "--session takes PROGRAMME_ID/SESSION_ID")
    }
    let project = try ProjectInput.load()
    guard let programme = project.programme(parts[0]) else {
      let known = project.programmes.map(\.id).joined(separator: ", ")
      throw argumentError(
        ja: "研修「\(parts[0])」がありません（研修: \(known)）", en: "no programme \"\(parts[0])\" (programmes: \(known))")
    }
    let sessions = programme.courses.flatMap(\.sessions)
    guard let session = sessions.first(where: { $0.id == parts[1] }) else {
      let groupSessions = sessions.filter { $0.groupWork != nil }.map(\.id).joined(separator: ", ")
      throw argumentError(
        ja: "\(parts[0]) にセッション「\(parts[1])」がありません（グループワーク: \(groupSessions)）",
        en: "no session \"\(parts[1])\" in \(parts[0]) (group work: \(groupSessions))")
    }
    guard let spec = session.groupWork else {
      throw argumentError(
        ja: "セッション「\(parts[1])」には <groups> がありません。--size で人数を指定してください",
        en: "session \"\(parts[1])\" has no <groups> spec; use --size")
    }
    return (programme.id, spec)
  }
}
