/// Evaluating survey responses: reading exports, matching their columns, pairing pre and post
/// tests (docs/evaluation.md).
extension Catalogue {
  public static let evaluationMapUnreadable = MessageTemplate<String>(
    "evaluation-file-unreadable", sample: "The file “map.txt” couldn’t be opened.",
    ja: { Wording("列の対応表（--map）を読めません: \($0)", hint: "ファイルの場所と、UTF-8 で保存されているかを確かめてください") },
    en: {
      Wording("cannot read the map file (--map): \($0)", hint: "check the path and that it is saved as UTF-8")
    })

  public static let evaluationResponsesUnreadable = MessageTemplate<String>(
    "evaluation-file-unreadable", sample: "The file “day1.csv” couldn’t be opened.",
    ja: { Wording("回答ファイルを読めません: \($0)", hint: "ファイルの場所と読み取り権限を確かめてください") },
    en: { Wording("cannot read the response file: \($0)", hint: "check the path and that it can be read") })

  public static let evaluationPrePostIncomplete = MessageTemplate<Void>(
    "evaluation-pre-post-incomplete", sample: (),
    ja: { Wording("事前・事後の比較には --pre と --post の両方が必要です", hint: "もう一方の回答ファイルも指定してください") },
    en: {
      Wording(
        "comparing before and after needs both --pre and --post", hint: "give the other response file too")
    })

  public static let evaluationPairUnmatched = MessageTemplate<(pre: Int, post: Int)>(
    "evaluation-pair-unmatched", sample: (2, 1),
    ja: {
      Wording(
        "事前と事後で組にならない参加者がいます（事前のみ \($0.pre) 名、事後のみ \($0.post) 名）。比較はそろった人だけで行います",
        hint: "参加者ID の書き方が二つのファイルで同じか確かめてください")
    },
    en: {
      Wording(
        "participants without a pair: \($0.pre) only before, \($0.post) only after; the comparison uses the pairs",
        hint: "check that both files write the participant ids the same way")
    })

  public static let evaluationMoreThanInvited = MessageTemplate<(used: Int, invited: Int)>(
    "evaluation-more-responses-than-invited", sample: (42, 40),
    ja: {
      Wording(
        "回答数 \($0.used) 件が対象者数 \($0.invited) 名を超えています", hint: "対象者数（invited）か、同じ回答ファイルを二度指定していないかを確認してください")
    },
    en: {
      Wording(
        "\($0.used) responses but only \($0.invited) people were invited",
        hint: "check invited, or whether a response file was given twice")
    })

  public static let evaluationByUnknown = MessageTemplate<String>(
    "evaluation-by-unknown", sample: "q3",
    ja: { Wording("--by「\($0)」で分けられません", hint: "単一選択の項目の id か profession（職種）を指定してください") },
    en: {
      Wording(
        "cannot break the results down by \"\($0)\"", hint: "--by takes a single-choice item id or profession"
      )
    })

  public static let evaluationMapNoEquals = MessageTemplate<Void>(
    "evaluation-map-invalid", sample: (),
    ja: { Wording("対応表の行に「=」がありません", hint: "「列見出し = 項目ID」の形で書いてください") },
    en: { Wording("the map line has no '='", hint: "write COLUMN HEADER = ITEM-ID") })

  public static let evaluationMapIncomplete = MessageTemplate<Void>(
    "evaluation-map-invalid", sample: (),
    ja: { Wording("対応表の行の「=」の左か右が空です", hint: "「列見出し = 項目ID」の形で書いてください") },
    en: {
      Wording("the map line is incomplete: one side of '=' is empty", hint: "write COLUMN HEADER = ITEM-ID")
    })

  public static let evaluationMapUnknownItem = MessageTemplate<String>(
    "evaluation-map-unknown-item", sample: "q9",
    ja: { Wording("対応表にある項目「\($0)」はアンケートにありません", hint: "アンケートの <item> の id を書いてください") },
    en: {
      Wording("the map names \"\($0)\", which is not an item of the survey", hint: "use the id of an <item>")
    })

  public static let evaluationColumnUnmatched = MessageTemplate<String>(
    "evaluation-column-unmatched", sample: "ご意見をお聞かせください",
    ja: {
      Wording("列「\($0)」はアンケートのどの項目にも対応しません", hint: "--map で対応を指定できます（列見出し = 項目ID）")
    },
    en: {
      Wording(
        "column \"\($0)\" matches no item of the survey",
        hint: "assign it with --map (COLUMN HEADER = ITEM-ID)")
    })

  public static let evaluationColumnDuplicate = MessageTemplate<String>(
    "evaluation-column-duplicate", sample: "満足度",
    ja: { Wording("列「\($0)」は前の列と同じ項目に対応するため使いません") },
    en: { Wording("column \"\($0)\" is for the same item as an earlier column and is not used") })

  public static let evaluationItemWithoutColumn = MessageTemplate<(id: String, text: String)>(
    "evaluation-item-without-column", sample: ("q6", "今後の研修への要望"),
    ja: { Wording("項目 \($0.id)「\($0.text)」に対応する列がありません", hint: "--map で列を指定できます（列見出し = \($0.id)）") },
    en: {
      Wording(
        "no column for item \($0.id) \"\($0.text)\"", hint: "assign one with --map (COLUMN HEADER = \($0.id))"
      )
    })

  public static let evaluationRowEmpty = MessageTemplate<Void>(
    "evaluation-row-empty", sample: (),
    ja: { Wording("回答のない行なので除外しました") },
    en: { Wording("the row has no answers and is excluded") })

  public static let evaluationRowsEmptySummary = MessageTemplate<(more: Int, total: Int)>(
    "evaluation-row-empty", sample: (12, 32),
    ja: { Wording("ほかに回答のない行 \($0.more) 行を除外しました（計 \($0.total) 行）") },
    en: { Wording("\($0.more) more rows without answers excluded (\($0.total) in all)") })

  public static let evaluationDuplicateParticipant = MessageTemplate<String>(
    "evaluation-duplicate-participant", sample: "A012",
    ja: { Wording("参加者ID「\($0)」の回答はすでにあるため、この行を除外しました", hint: "最初の回答を使います") },
    en: {
      Wording(
        "participant id \"\($0)\" has answered already; the row is excluded", hint: "the first answer is used"
      )
    })

  public static let evaluationTimestampUnreadable = MessageTemplate<String>(
    "evaluation-timestamp-unreadable", sample: "昨日の夕方",
    ja: {
      Wording(
        "回答日時「\($0)」を日時として読めません（この行の回答は使います）",
        hint: "例: 2026/11/20 14:03:12、11/20/2026 2:03:12 PM、2026-11-20 14:03")
    },
    en: {
      Wording(
        "submission time \"\($0)\" is not understood (the answers are used)",
        hint: "e.g. 2026/11/20 14:03:12, 11/20/2026 2:03:12 PM, 2026-11-20 14:03")
    })

  public static let evaluationTimestampsUnreadableSummary = MessageTemplate<(more: Int, total: Int)>(
    "evaluation-timestamp-unreadable", sample: (5, 25),
    ja: { Wording("ほかに \($0.more) 件の回答日時を読めませんでした（計 \($0.total) 件）") },
    en: { Wording("\($0.more) more submission times not understood (\($0.total) in all)") })

  public static let evaluationValuesExcludedSummary = MessageTemplate<
    (header: String, more: Int, total: Int)
  >(
    "evaluation-values-excluded", sample: ("満足度", 8, 28),
    ja: {
      Wording(
        "列「\($0.header)」ではほかに \($0.more) 件の値を除外しました（計 \($0.total) 件）",
        hint: "列の対応（--map）や選択肢の文言を確認してください")
    },
    en: {
      Wording(
        "\($0.more) more values excluded in column \"\($0.header)\" (\($0.total) in all)",
        hint: "check the column's assignment (--map) and the wording of the options")
    })

  public static let evaluationIncompleteExcluded = MessageTemplate<Int>(
    "evaluation-incomplete-excluded", sample: 3,
    ja: {
      Wording("未完了 \($0) 件を除外しました（submitdate が空の回答）", hint: "含めるには --include-incomplete を付けてください")
    },
    en: {
      Wording(
        "\($0) incomplete responses excluded (no submitdate)", hint: "--include-incomplete keeps them")
    })

  public static let evaluationValueUnknown = MessageTemplate<(item: String, value: String)>(
    "evaluation-value-unknown", sample: ("q2", "まあまあ"),
    ja: { Wording("項目 \($0.item) の値「\($0.value)」を解釈できないため、この項目から除外しました", hint: "選択肢の文言か番号で書かれているか確かめてください") },
    en: {
      Wording(
        "item \($0.item): value \"\($0.value)\" is not understood and is excluded",
        hint: "check that it is one of the options, by its text or number")
    })

  public static let evaluationValueOutOfRange = MessageTemplate<(item: String, value: String)>(
    "evaluation-value-out-of-range", sample: ("q1", "7"),
    ja: { Wording("項目 \($0.item) の値「\($0.value)」は範囲外のため、この項目から除外しました") },
    en: { Wording("item \($0.item): value \"\($0.value)\" is out of range and is excluded") })

  public static let evaluationValueNotWhole = MessageTemplate<(item: String, value: String)>(
    "evaluation-value-not-whole", sample: ("q1", "4.5"),
    ja: {
      Wording(
        "項目 \($0.item) の値「\($0.value)」は整数ではないため、この項目から除外しました", hint: "4.0 のような整数の値は読めます")
    },
    en: {
      Wording(
        "item \($0.item): \($0.value) is not a whole number and is excluded",
        hint: "whole values written as 4.0 are accepted")
    })

  static let evaluationEntries: [CatalogueEntry] = [
    evaluationMapUnreadable.entry, evaluationResponsesUnreadable.entry, evaluationPrePostIncomplete.entry,
    evaluationPairUnmatched.entry, evaluationMoreThanInvited.entry, evaluationByUnknown.entry,
    evaluationMapNoEquals.entry, evaluationMapIncomplete.entry, evaluationMapUnknownItem.entry,
    evaluationColumnUnmatched.entry, evaluationColumnDuplicate.entry, evaluationItemWithoutColumn.entry,
    evaluationRowEmpty.entry, evaluationRowsEmptySummary.entry, evaluationDuplicateParticipant.entry,
    evaluationTimestampUnreadable.entry, evaluationTimestampsUnreadableSummary.entry,
    evaluationValuesExcludedSummary.entry, evaluationIncompleteExcluded.entry, evaluationValueUnknown.entry,
    evaluationValueOutOfRange.entry, evaluationValueNotWhole.entry,
  ]
}
