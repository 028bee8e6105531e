/// Instructor-training follow-up: `<followup>` records and `kenshu followup import`
/// (docs/followup.md).
extension Catalogue {
  public static let followUpWithoutRoster = MessageTemplate<String>(
    "followup-unknown-roster", sample: "koshi-2022",
    ja: {
      Wording(
        "\"\($0)\" の <followup>: 修了者の名簿が見つかりません",
        hint: "roster=\"…\" で名簿を指定するか、研修の <programme> に roster を書いてください")
    },
    en: {
      Wording(
        "<followup> for \"\($0)\": no roster of its graduates",
        hint: "name one with roster=\"…\", or give the <programme> a roster")
    })

  public static let followUpUnknownGraduate = MessageTemplate<
    (training: String, person: String, roster: String)
  >(
    "followup-unknown-graduate", sample: ("t01", "p999", "koshi-2022"),
    ja: {
      Wording(
        "<local-training> \"\($0.training)\": 修了者 \"\($0.person)\" は名簿 \"\($0.roster)\" に載っていません",
        hint: "名簿の id を書いてください")
    },
    en: {
      Wording(
        "<local-training> \"\($0.training)\": graduate \"\($0.person)\" is not on roster \"\($0.roster)\"",
        hint: "use a roster id")
    })

  public static let followUpNotGraduate = MessageTemplate<
    (training: String, person: String, programme: String)
  >(
    "followup-not-graduate", sample: ("t01", "p004", "koshi-2022"),
    ja: {
      Wording(
        "<local-training> \"\($0.training)\": \"\($0.person)\" は研修 \"\($0.programme)\" を修了していません（名簿に修了の記録がありません）",
        hint: "名簿の <progress stage=\"completion\"> を確かめてください。修了者として数えます")
    },
    en: {
      Wording(
        "<local-training> \"\($0.training)\": \"\($0.person)\" has not completed \"\($0.programme)\" (no completion on the roster)",
        hint: "check the roster's <progress stage=\"completion\">; counted as a graduate")
    })

  public static let duplicateLocalTraining = MessageTemplate<(training: String, first: String)>(
    "followup-duplicate-training", sample: ("t01", "rosters/followup-koshi-2022.xml:4:3"),
    ja: { Wording("<local-training> \"\($0.training)\" が二回記録されています", hint: "最初の記録は \($0.first) です") },
    en: {
      Wording("<local-training> \"\($0.training)\" is recorded twice", hint: "first recorded at \($0.first)")
    })

  public static let followUpTotalBelowCounts = MessageTemplate<(training: String, total: Int, counted: Int)>(
    "followup-total-below-counts", sample: ("t01", 20, 24),
    ja: {
      Wording(
        "研修 \"\($0.training)\": 参加者数 \($0.total) 人が職種別の合計 \($0.counted) 人より少なくなっています",
        hint: "参加者数は職種別の人数の合計以上にしてください（職種不明の人を含めた総数）")
    },
    en: {
      Wording(
        "training \"\($0.training)\": \($0.total) participants is less than the \($0.counted) counted by profession",
        hint: "the total is everybody, those of unrecorded profession included")
    })

  public static let followUpUnreadable = MessageTemplate<String>(
    "followup-unreadable", sample: "地域研修.xlsx",
    ja: { Wording("地域研修の記録 \($0) を読めません") },
    en: { Wording("cannot read the local-training file \($0)") })

  public static let followUpUnwritable = MessageTemplate<String>(
    "followup-unwritable", sample: "Permission denied",
    ja: { Wording("フォローアップ記録を書き込めません: \($0)") },
    en: { Wording("cannot write the follow-up record: \($0)") })

  public static let followUpNoGraduateColumn = MessageTemplate<String>(
    "followup-no-graduate-column", sample: "地域研修.csv",
    ja: {
      Wording(
        "\($0) に修了者の列（修了者ID・受講者ID・講師ID）がありません",
        hint: "いちばん簡単な形: 修了者ID, 実施日, 都道府県, 市区町村, 種類, 医師, 看護師, … の列")
    },
    en: {
      Wording(
        "\($0) has no graduate column (修了者ID, graduates)",
        hint: "the simplest layout: columns 修了者ID, 実施日, 都道府県, 市区町村, 種類, then one per profession (医師, 看護師, …)")
    })

  public static let followUpRowUnknownGraduate = MessageTemplate<(written: String, roster: String)>(
    "followup-row-unknown-graduate", sample: ("p999", "koshi-2022"),
    ja: { Wording("修了者「\($0.written)」は名簿 \"\($0.roster)\" にありません", hint: "名簿の id を書いてください（複数は ; で区切ります）") },
    en: {
      Wording(
        "graduate \"\($0.written)\" is not on roster \"\($0.roster)\"",
        hint: "write roster ids, several separated by ;")
    })

  public static let followUpRowNoGraduate = MessageTemplate<Void>(
    "followup-row-no-graduate", sample: (),
    ja: { _ in Wording("この行に修了者の id がありません", hint: "研修を実施した修了者の id を書いてください") },
    en: { _ in
      Wording("this row names no graduate", hint: "write the id of the graduate who ran the training")
    })

  public static let followUpRowInvalidDate = MessageTemplate<String>(
    "followup-row-invalid-date", sample: "2023-02-30",
    ja: { Wording("「\($0)」は日付として読めません", hint: "2023-02-18、2023/2/18 または 2023年2月18日 のように書いてください") },
    en: { Wording("\"\($0)\" is not a date", hint: "write 2023-02-18, 2023/2/18 or 2023年2月18日") })

  public static let followUpRowInvalidCount = MessageTemplate<(column: String, value: String)>(
    "followup-row-invalid-count", sample: ("看護師", "十二"),
    ja: { Wording("列「\($0.column)」の「\($0.value)」は人数として読めません", hint: "0 以上の整数を書いてください（空欄は 0）") },
    en: {
      Wording(
        "\"\($0.value)\" in column \"\($0.column)\" is not a number of people",
        hint: "write a whole number, 0 or more (empty means 0)")
    })

  public static let followUpRowUnknownKind = MessageTemplate<String>(
    "followup-row-unknown-kind", sample: "交流会",
    ja: {
      Wording(
        "種類「\($0)」は分類できないため「その他」として記録します",
        hint: "グループワーク・相互研修・事例検討会・講演・同行訪問研修・その他 のいずれかを書けます")
    },
    en: {
      Wording(
        "kind \"\($0)\" is recorded as other",
        hint: "group-work, cross-training, case-study, lecture, accompanied-visit or other")
    })

  public static let followUpRowUnknownPrefecture = MessageTemplate<String>(
    "followup-row-unknown-prefecture", sample: "静丘県",
    ja: { Wording("「\($0)」は都道府県名として読めません", hint: "静岡県・静岡・Shizuoka のように書いてください（空欄なら修了者の都道府県）") },
    en: {
      Wording(
        "\"\($0)\" is not a prefecture", hint: "write 静岡県, 静岡 or Shizuoka (empty: the graduate's prefecture)")
    })

  public static let followUpRowDuplicate = MessageTemplate<(id: String, first: Int)>(
    "followup-row-duplicate", sample: ("t01", 4),
    ja: { Wording("研修 id「\($0.id)」は \($0.first) 行目と同じです", hint: "一研修一行にしてください") },
    en: { Wording("training id \"\($0.id)\" is used in line \($0.first) too", hint: "one row per training") })

  public static let followUpNoTrainings = MessageTemplate<String>(
    "followup-no-trainings", sample: "koshi-2022",
    ja: {
      Wording(
        "研修 \"\($0)\" のフォローアップ記録（<followup>）がありません",
        hint: "kenshu followup import で地域研修の記録を取り込んでください")
    },
    en: {
      Wording(
        "no follow-up record (<followup>) for \"\($0)\"",
        hint: "import the local trainings with kenshu followup import")
    })

  static let followUpEntries: [CatalogueEntry] = [
    followUpWithoutRoster.entry, followUpUnknownGraduate.entry, followUpNotGraduate.entry,
    duplicateLocalTraining.entry, followUpTotalBelowCounts.entry, followUpUnreadable.entry,
    followUpUnwritable.entry, followUpNoGraduateColumn.entry, followUpRowUnknownGraduate.entry,
    followUpRowNoGraduate.entry, followUpRowInvalidDate.entry, followUpRowInvalidCount.entry,
    followUpRowUnknownKind.entry, followUpRowUnknownPrefecture.entry, followUpRowDuplicate.entry,
    followUpNoTrainings.entry,
  ]
}
