/// Importing a roster from CSV or a spreadsheet (docs/rosters.md).
extension Catalogue {
  public static let rosterMissingNameColumn = MessageTemplate<Void>(
    "roster-missing-name-column", sample: (),
    ja: { Wording("氏名の列がありません（氏名、名前、name、または 姓 と 名）", hint: "列名を変えるか、--map で「列名,name」と対応させてください") },
    en: {
      Wording(
        "no name column (氏名, 名前, name, or 姓 and 名)", hint: "rename the column or map it with --map: 列名,name")
    })

  public static let rosterTitleRowsSkipped = MessageTemplate<Int>(
    "roster-title-rows-skipped", sample: 3,
    ja: { Wording("\($0) 行目を見出しとし、それより上の行は読み飛ばしました") },
    en: { Wording("line \($0) is the header; the lines above it are skipped") })

  public static let rosterDuplicateColumn = MessageTemplate<(header: String, field: String)>(
    "roster-duplicate-column", sample: ("氏名2", "name"),
    ja: { Wording("列「\($0.header)」は \($0.field) の二つ目の列なので使いません") },
    en: { Wording("a second \($0.field) column (\"\($0.header)\") is ignored") })

  public static let rosterUnmappedColumn = MessageTemplate<String>(
    "roster-unmapped-column", sample: "備考",
    ja: { Wording("列「\($0)」は取り込みません", hint: "取り込むには --map で「\($0),項目名」と対応させてください") },
    en: { Wording("column \"\($0)\" is not imported", hint: "map it with --map: \($0),FIELD") })

  public static let rosterMissingName = MessageTemplate<Void>(
    "roster-missing-name", sample: (),
    ja: { Wording("氏名が空です。この行は取り込みません") },
    en: { Wording("the row has no name and is rejected") })

  public static let rosterBadID = MessageTemplate<String>(
    "roster-bad-id", sample: "山田",
    ja: { Wording("ID「\($0)」は英数字・-・_ のみにしてください。この行は取り込みません") },
    en: { Wording("id \"\($0)\" must be letters, digits, - or _; the row is rejected") })

  public static let rosterLongRow = MessageTemplate<(count: Int, width: Int)>(
    "roster-ragged-row", sample: (7, 6),
    ja: { Wording("この行は \($0.count) 列あり、見出しの \($0.width) 列より多いため、余分な値を無視します") },
    en: { Wording("\($0.count) fields but the header has \($0.width); extra values are ignored") })

  public static let rosterShortRow = MessageTemplate<(count: Int, width: Int)>(
    "roster-ragged-row", sample: (4, 6),
    ja: { Wording("この行は \($0.count) 列しかありません（見出しは \($0.width) 列）。残りは空とします") },
    en: { Wording("only \($0.count) of \($0.width) fields; the rest are empty") })

  public static let rosterMissingProfession = MessageTemplate<Void>(
    "roster-missing-profession", sample: (),
    ja: { Wording("職種が空なので「その他」とします") },
    en: { Wording("no profession; counted as other") })

  public static let rosterUnknownProfession = MessageTemplate<String>(
    "roster-unknown-profession", sample: "魔法使い",
    ja: {
      Wording(
        "職種「\($0)」は不明なので「その他」とします", hint: "職種一覧の名前を使ってください。例: 医師、看護師、薬剤師、介護支援専門員")
    },
    en: {
      Wording(
        "unknown profession \"\($0)\"; counted as other",
        hint: "use a label from the profession list, e.g. 医師, 看護師, 薬剤師, 介護支援専門員")
    })

  public static let rosterUnknownPrefecture = MessageTemplate<String>(
    "roster-unknown-prefecture", sample: "東京",
    ja: { Wording("都道府県「\($0)」が見つかりません", hint: "「東京都」のように都道府県名で書いてください") },
    en: { Wording("unknown prefecture \"\($0)\"") })

  public static let rosterUnknownRole = MessageTemplate<String>(
    "roster-unknown-role", sample: "司会",
    ja: { Wording("役割「\($0)」は不明なので無視します", hint: "受講者、講師、ファシリテーター、事務局 のどれかにしてください") },
    en: {
      Wording(
        "unknown role \"\($0)\" ignored",
        hint: "受講者, 講師, ファシリテーター, 事務局 (trainee, instructor, facilitator, organiser)")
    })

  public static let rosterBadEmail = MessageTemplate<String>(
    "roster-bad-email", sample: "yamada@",
    ja: { Wording("メールアドレス「\($0)」の形式が正しくありません") },
    en: { Wording("\"\($0)\" does not look like an e-mail address") })

  public static let rosterBadStageValue = MessageTemplate<(label: String, stage: String, value: String)>(
    "roster-bad-stage-value", sample: ("フォローアップ", "follow-up", "たぶん"),
    ja: {
      Wording(
        "\($0.label)「\($0.value)」は日付でも済/未でもないので未了とします", hint: "2022-09-01 のような日付か、済 / 未 と書いてください")
    },
    en: {
      Wording(
        "\($0.stage) value is neither a date nor yes/no; treated as not done",
        hint: "write a date such as 2022-09-01, or 済 / 未")
    })

  public static let rosterInconsistentProgress = MessageTemplate<String>(
    "roster-inconsistent-progress", sample: "はい",
    ja: { Wording("フォローアップ未了なのに地域研修実施「\($0)」となっています。無視します") },
    en: { Wording("ran local training (\"\($0)\") but follow-up not done; ignored") })

  public static let rosterBadLocalTraining = MessageTemplate<String>(
    "roster-bad-stage-value", sample: "済み?",
    ja: { Wording("地域研修実施「\($0)」は はい/いいえ で書いてください") },
    en: { Wording("ran-local-training must be yes or no, not \"\($0)\"") })

  public static let rosterBadQualification = MessageTemplate<String>(
    "roster-bad-qualification", sample: "tashokushu",
    ja: { Wording("資格「\($0)」は「科目ID:facilitator」の形で書いてください") },
    en: { Wording("qualification \"\($0)\" must be subject:facilitator or subject:instructor") })

  public static let rosterDuplicateID = MessageTemplate<(id: String, line: Int)>(
    "roster-duplicate-id", sample: ("a1", 4),
    ja: { Wording("ID「\($0.id)」は \($0.line) 行目と重複しています。この行は取り込みません") },
    en: { Wording("id \"\($0.id)\" already used on line \($0.line); row rejected") })

  public static let rosterAmbiguousKeepApart = MessageTemplate<String>(
    "roster-ambiguous-keep-apart", sample: "山田",
    ja: { Wording("同席不可の「\($0)」は同名の人が複数います", hint: "ID で書いてください") },
    en: { Wording("\"\($0)\" names several people", hint: "use an id") })

  public static let rosterUnknownKeepApart = MessageTemplate<String>(
    "roster-unknown-keep-apart", sample: "佐藤",
    ja: { Wording("同席不可の「\($0)」が名簿にいません") },
    en: { Wording("keep-apart \"\($0)\" is not on the roster") })

  public static let rosterUnreadable = MessageTemplate<Void>(
    "roster-unreadable", sample: (),
    ja: { Wording("名簿ファイルを読めません", hint: "パスと読み取り権限を確かめてください") },
    en: { Wording("cannot read the roster file") })

  public static let rosterMapUnknownField = MessageTemplate<(name: String, fields: [String])>(
    "roster-map-unknown-field", sample: ("職業", ["name", "profession"]),
    ja: { Wording("「\($0.name)」は名簿の項目ではありません", hint: "使える項目: " + $0.fields.joined(separator: "、")) },
    en: {
      Wording("\"\($0.name)\" is not a roster field", hint: "one of " + $0.fields.joined(separator: ", "))
    })

  public static let rosterMapUnreadable = MessageTemplate<Void>(
    "roster-map-unreadable", sample: (),
    ja: { Wording("対応表を読めません", hint: "パスと読み取り権限を確かめてください") },
    en: { Wording("cannot read the map file") })

  static let rosterEntries: [CatalogueEntry] = [
    rosterMissingNameColumn.entry, rosterTitleRowsSkipped.entry, rosterDuplicateColumn.entry,
    rosterUnmappedColumn.entry, rosterMissingName.entry, rosterBadID.entry, rosterLongRow.entry,
    rosterShortRow.entry, rosterMissingProfession.entry, rosterUnknownProfession.entry,
    rosterUnknownPrefecture.entry, rosterUnknownRole.entry, rosterBadEmail.entry, rosterBadStageValue.entry,
    rosterInconsistentProgress.entry, rosterBadLocalTraining.entry, rosterBadQualification.entry,
    rosterDuplicateID.entry, rosterAmbiguousKeepApart.entry, rosterUnknownKeepApart.entry,
    rosterUnreadable.entry, rosterMapUnknownField.entry, rosterMapUnreadable.entry,
  ]
}
