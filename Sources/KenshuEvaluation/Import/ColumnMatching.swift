import KenshuModel

/// What a response-file column holds.
enum ColumnRole: Sendable, Hashable {
  case participant
  /// An item's answer (for a retrospective item: the "now" answer).
  case item(Int)
  /// A retrospective item's "before the training" answer.
  case before(Int)
  /// Free text of an item's "other" option, in a column of its own (LimeSurvey).
  case otherText(Int)
  /// One option of a multiple-choice item in a column of its own (LimeSurvey `q5[SQ001]` = "Y",
  /// or a `Question [Option]` header): a yes/no cell.
  case option(item: Int, option: Int)
  case ignored

  /// The item the column belongs to, if any.
  var item: Int? {
    switch self {
    case .item(let item), .before(let item), .otherText(let item), .option(let item, _): item
    case .participant, .ignored: nil
    }
  }
}

/// The assignment of a file's columns to survey items.
struct ColumnPlan: Sendable {
  var format: ExportFormat
  var roles: [ColumnRole]
  var diagnostics: [Diagnostic]

  /// Matches columns by map entry, then item id (incl. `ID.before`/`ID.now` and LimeSurvey
  /// `code[sub]`), then question text (incl. Google Forms grid `Question [Row]`).
  init(header: [String], survey: Survey, map: ColumnMap, file: String) {
    let keys = header.map(matchKey)
    format = ExportFormat.detect(headerKeys: keys)
    diagnostics = []
    let items = survey.items
    var idIndex: [String: Int] = [:]
    var textIndex: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      if idIndex[matchKey(item.id)] == nil { idIndex[matchKey(item.id)] = index }
      let text = matchKey(item.text)
      if !text.isEmpty, textIndex[text] == nil { textIndex[text] = index }
    }
    func role(forTarget target: String) -> ColumnRole? {
      let key = matchKey(target)
      if key == "-" { return .ignored }
      if key == "participant" { return .participant }
      if let index = idIndex[key] { return .item(index) }
      for suffix in Suffix.allCases {
        let text = suffix.rawValue
        if key.hasSuffix(text), let index = idIndex[String(key.dropLast(text.count))] {
          return suffix.role(index)
        }
      }
      return nil
    }

    var roles: [ColumnRole] = []
    var hasParticipant = false
    for (position, key) in keys.enumerated() {
      var found: ColumnRole?
      if let target = map.byPosition[position] ?? map.byHeader[key] {
        found = role(forTarget: target)
        if found == nil {
          diagnostics.append(
            .error(
              Catalogue.evaluationMapUnknownItem, target,
              at: SourceLocation(file: file, line: 1, column: position + 1)
            ))
        }
      }
      if found == nil { found = role(forTarget: key).flatMap { $0 == .ignored ? nil : $0 } }
      if found == nil, ColumnPlan.participantKeys.contains(key) { found = .participant }
      if found == nil { found = ColumnPlan.limeSurveyRole(key: key, idIndex: idIndex, items: items) }
      if found == nil {
        found = ColumnPlan.textRole(key: key, textIndex: textIndex, idIndex: idIndex, items: items)
      }
      if found == nil,
        ExportFormat.metadataKeys.contains(key) || ColumnPlan.emailKeys.contains(key) || key.isEmpty
      {
        found = .ignored
      }
      if found == .participant {
        if hasParticipant { found = .ignored } else { hasParticipant = true }
      }
      if found == nil {
        diagnostics.append(
          .warning(
            Catalogue.evaluationColumnUnmatched, header[position],
            at: SourceLocation(file: file, line: 1, column: position + 1)))
      }
      roles.append(found ?? .ignored)
    }
    // Email is a usable participant id (for pairing) only when no explicit id column exists.
    if !hasParticipant, let email = keys.firstIndex(where: { ColumnPlan.emailKeys.contains($0) }) {
      roles[email] = .participant
    }
    // Two columns for one item: keep the first, say so.
    var seen: Set<ColumnRole> = []
    for (position, role) in roles.enumerated() where role != .ignored {
      if !seen.insert(role).inserted {
        diagnostics.append(
          .warning(
            Catalogue.evaluationColumnDuplicate, header[position],
            at: SourceLocation(file: file, line: 1, column: position + 1)))
        roles[position] = .ignored
      }
    }
    let covered = Set(roles.compactMap(\.item))
    for (index, item) in items.enumerated() where !covered.contains(index) {
      diagnostics.append(
        .warning(
          Catalogue.evaluationItemWithoutColumn, (item.id, item.text), at: SourceLocation(file: file, line: 1)
        ))
    }
    self.roles = roles
  }

  /// Column-name suffixes of Kenshu's own format and what they hold.
  enum Suffix: String, CaseIterable {
    case before = ".before"
    case now = ".now"
    case other = ".other"
    case underscoreBefore = "_before"
    case underscoreNow = "_now"

    func role(_ index: Int) -> ColumnRole {
      switch self {
      case .before, .underscoreBefore: .before(index)
      case .now, .underscoreNow: .item(index)
      case .other: .otherText(index)
      }
    }
  }
  static let participantKeys: Set<String> = [
    "participant", "participantid", "受講者id", "参加者id", "受講者番号", "受講番号", "参加者番号", "token",
  ]
  static let emailKeys: Set<String> = ["メールアドレス", "emailaddress", "メール", "email"]
  /// Cell values that stand for "no id" (`matchKey` form): Microsoft Forms' anonymous responses.
  static let placeholderIDs: Set<String> = [
    "anonymous", "匿名", "anonymoususer", "-", "na", "n/a", "none", "なし",
  ]
  /// Labels of an "other" option as exports write them (`matchKey` form).
  static let otherLabels: Set<String> = ["other", "その他", "-oth-", "oth", "others", "そのほか"]
  static let beforeWords: Set<String> = ["研修前", "受講前", "before", "前"]
  static let nowWords: Set<String> = ["現在", "研修後", "受講後", "now", "after", "後"]

  /// LimeSurvey codes: `q1[SQ001]` → item `q1_SQ001`, `q1SQ001` or `SQ001`, or, when `q1` is a
  /// multiple-choice item, its first option (`SQ001`, `A1`, `1` or the option label); `q1[other]`
  /// → other text of `q1`; `q1[comment]` ignored.
  static func limeSurveyRole(key: String, idIndex: [String: Int], items: [SurveyItem]) -> ColumnRole? {
    guard key.hasSuffix("]"), let open = key.firstIndex(of: "[") else { return nil }
    let code = String(key[..<open])
    let sub = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
    if sub == "other", let index = idIndex[code] { return .otherText(index) }
    if sub == "comment" { return .ignored }
    if let index = idIndex[code], items[index].type == .multiple,
      let option = optionIndex(sub, of: items[index])
    {
      return .option(item: index, option: option)
    }
    for candidate in [code + "_" + sub, code + sub, code + "." + sub, sub] {
      if let index = idIndex[candidate] { return .item(index) }
    }
    return nil
  }

  /// Question text, with leading numbering (`1.`, `Q1 `, `問1`) removed; Google Forms grid rows
  /// `Question [Row]` match the row text, or the question for a retrospective before/now row.
  static func textRole(
    key: String, textIndex: [String: Int], idIndex: [String: Int], items: [SurveyItem]
  ) -> ColumnRole? {
    for candidate in [key, stripNumbering(key)] {
      if let index = textIndex[candidate] { return .item(index) }
    }
    guard key.hasSuffix("]") || key.hasSuffix("］"),
      let open = key.lastIndex(where: { $0 == "[" || $0 == "［" })
    else { return nil }
    let question = stripNumbering(String(key[..<open]))
    let row = String(key[key.index(after: open)..<key.index(before: key.endIndex)])
    if let index = textIndex[question] ?? idIndex[question] {
      if beforeWords.contains(row) { return .before(index) }
      if nowWords.contains(row) { return .item(index) }
      if items[index].type == .multiple, let option = optionIndex(row, of: items[index]) {
        return .option(item: index, option: option)
      }
    }
    if let index = textIndex[row] ?? textIndex[stripNumbering(row)] ?? idIndex[row] { return .item(index) }
    return nil
  }

  /// An option named by a LimeSurvey subquestion code (`sq001`, `a1`, `1`) or its label.
  static func optionIndex(_ key: String, of item: SurveyItem) -> Int? {
    if let index = item.options.firstIndex(where: { matchKey($0.label) == key }) { return index }
    var digits = Substring(key)
    for prefix in ["sq", "ao", "a"] where digits.hasPrefix(prefix) {
      digits = digits.dropFirst(prefix.count)
      break
    }
    guard let number = Int(digits), number >= 1, number <= item.options.count else { return nil }
    return number - 1
  }

  static func stripNumbering(_ key: String) -> String {
    var rest = Substring(key)
    if rest.hasPrefix("q") || rest.hasPrefix("問") { rest = rest.dropFirst() }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return key }
    rest = rest.dropFirst(digits.count)
    while let first = rest.first, ".)-_．）".contains(first) { rest = rest.dropFirst() }
    return rest.isEmpty ? key : String(rest)
  }
}
