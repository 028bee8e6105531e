/// The training day: `kenshu attendance import` and `kenshu certificates` (docs/training-day.md).
extension Catalogue {
  public static let attendanceUnreadable = MessageTemplate<String>(
    "attendance-unreadable", sample: "出欠.xlsx",
    ja: { Wording("出欠ファイル \($0) を読めません") },
    en: { Wording("cannot read the attendance file \($0)") })

  public static let attendanceUnwritable = MessageTemplate<String>(
    "attendance-unwritable", sample: "Permission denied",
    ja: { Wording("出席記録を書き込めません: \($0)") },
    en: { Wording("cannot write the attendance record: \($0)") })

  public static let attendanceUnknownColumn = MessageTemplate<
    (header: String, programme: String, examples: String)
  >(
    "attendance-unknown-column", sample: ("gw-nowhere", "day", "lec, gw-am, gw-pm"),
    ja: {
      Wording(
        "列「\($0.header)」に当たるセッション・コース・教材・アンケートが研修 \"\($0.programme)\" にありません",
        hint: "セッションの id を見出しにしてください: \($0.examples)")
    },
    en: {
      Wording(
        "column \"\($0.header)\" names no session, course, module or survey of programme \"\($0.programme)\"",
        hint: "use a session id: \($0.examples)")
    })

  public static let attendanceNoPersonColumn = MessageTemplate<String>(
    "attendance-no-person-column", sample: "出欠.csv",
    ja: {
      Wording(
        "\($0) に受講者を表す列（participant・ID・氏名）がありません",
        hint: "いちばん簡単な形: participant 列に名簿の id、セッションごとに id の列")
    },
    en: {
      Wording(
        "\($0) has no participant, id or name column",
        hint: "the simplest layout: a participant column with roster ids and one column per session id")
    })

  public static let attendanceNoSessions = MessageTemplate<String>(
    "attendance-no-sessions", sample: "出欠.csv",
    ja: { Wording("\($0) に出欠の列（セッションの id、コースの id または 出欠）がありません") },
    en: { Wording("\($0) has no column of attendance marks (a session id, a course id or 出欠)") })

  public static let attendanceDuplicateRow = MessageTemplate<(row: String, first: Int, person: String)>(
    "attendance-duplicate-row", sample: ("a02", 4, "a02"),
    ja: {
      Wording("「\($0.row)」は \($0.first) 行目と同じ人（\($0.person)）です", hint: "一人一行にしてください")
    },
    en: {
      Wording(
        "\"\($0.row)\" is the same person as line \($0.first) (\($0.person))", hint: "keep one row per person"
      )
    })

  public static let attendanceUnmatchedRow = MessageTemplate<
    (row: String, roster: String, ja: String, en: String)
  >(
    "attendance-unmatched-row", sample: ("a99", "r", "ID「a99」は名簿にありません", "no person with id \"a99\""),
    ja: {
      Wording(
        "「\($0.row)」は名簿 \"\($0.roster)\" にいません: \($0.ja)",
        hint: "id か氏名を直すか、先に名簿にその人を加えてください（kenshu roster import）")
    },
    en: {
      Wording(
        "\"\($0.row)\" is not on roster \"\($0.roster)\": \($0.en)",
        hint: "fix the id or name, or add the person to the roster first (kenshu roster import)")
    })

  public static let attendanceNameDiffers = MessageTemplate<(row: String, person: String, roster: String)>(
    "attendance-name-differs", sample: ("a01 高橋 崎子", "a01", "髙橋 﨑子"),
    ja: {
      Wording(
        "「\($0.row)」を \($0.person) として記録しますが、名簿では「\($0.roster)」です",
        hint: "別の人なら行を直してください。Shift_JIS の CSV では 髙・﨑 などを書けません")
    },
    en: {
      Wording(
        "\"\($0.row)\" is recorded as \($0.person), whom the roster names \"\($0.roster)\"",
        hint: "fix the row if it is someone else; a Shift_JIS CSV cannot hold 髙, 﨑 and the like")
    })

  public static let attendanceAmbiguousRow = MessageTemplate<(row: String, candidates: String)>(
    "attendance-ambiguous-row", sample: ("佐藤 花子", "a03, a04"),
    ja: {
      Wording(
        "「\($0.row)」に当たる人が複数います: \($0.candidates)", hint: "この行に受講者 id（またはふりがな）を書いてください")
    },
    en: {
      Wording(
        "several people fit \"\($0.row)\": \($0.candidates)",
        hint: "give the participant id (or the kana) in this row")
    })

  public static let attendanceUnknownMark = MessageTemplate<String>(
    "attendance-unknown-mark", sample: "△",
    ja: {
      Wording(
        "「\($0)」は出欠の印として読めません", hint: "出席: ○ ◯ 出 出席 1 ✓ TRUE、欠席: 空欄 欠 × 0")
    },
    en: {
      Wording(
        "\"\($0)\" is not an attendance mark", hint: "present: ○ ◯ 出 出席 1 ✓ TRUE; absent: blank, 欠, ×, 0")
    })

  public static let attendanceInvalidTime = MessageTemplate<String>(
    "attendance-invalid-time", sample: "午前",
    ja: { Wording("「\($0)」は時刻として読めません", hint: "10:15 や 10時15分 のように書いてください") },
    en: { Wording("\"\($0)\" is not a clock time", hint: "write 10:15 or 10時15分") })

  public static let ledgerColumns = MessageTemplate<String>(
    "ledger-columns", sample: "private/certificates/p/ledger.csv",
    ja: {
      Wording(
        "台帳 \($0) に番号・証書・受講者ID・確認コードの列がありません", hint: "台帳の見出し行を元に戻してください。番号はそこから読み直します")
    },
    en: {
      Wording(
        "the ledger \($0) lacks its number, award, participant or code column",
        hint: "restore the ledger's header row; numbers are read back from it")
    })

  public static let ledgerRow = MessageTemplate<Int>(
    "ledger-row", sample: 7,
    ja: { Wording("台帳の \($0) 行目に番号・証書・受講者ID・確認コードのどれかが欠けています") },
    en: { Wording("line \($0) of the ledger lacks its number, award, participant or code") })

  public static let ledgerUnreadable = MessageTemplate<String>(
    "ledger-unreadable", sample: "private/certificates/p/ledger.csv",
    ja: { Wording("台帳 \($0) を読めません") },
    en: { Wording("cannot read the ledger \($0)") })

  public static let certificateUnknownNumber = MessageTemplate<String>(
    "certificate-unknown-number", sample: "R8-修了-999",
    ja: { Wording("番号 \($0) の証書は台帳にありません") },
    en: { Wording("no certificate \($0) in the ledger") })

  public static let certificateRuleNoLongerMet = MessageTemplate<
    (number: String, participant: String, programme: String)
  >(
    "certificate-rule-no-longer-met", sample: ("R8-修了-003", "a01", "p"),
    ja: {
      Wording(
        "\($0.number)（\($0.participant)）は修了要件を満たさなくなりましたが、発行済みのため台帳に残します",
        hint: "誤って発行した場合は kenshu certificates \($0.programme) --revoke \($0.number)")
    },
    en: {
      Wording(
        "\($0.number) (\($0.participant)) no longer meets the rule; kept as issued",
        hint: "kenshu certificates \($0.programme) --revoke \($0.number) if it was issued by mistake")
    })

  public static let certificateUnwritable = MessageTemplate<String>(
    "certificate-unwritable", sample: "Permission denied",
    ja: { Wording("証書を書き込めません: \($0)") },
    en: { Wording("cannot write the certificates: \($0)") })

  static let trainingDayEntries: [CatalogueEntry] = [
    attendanceUnreadable.entry, attendanceUnwritable.entry, attendanceUnknownColumn.entry,
    attendanceNoPersonColumn.entry, attendanceNoSessions.entry, attendanceDuplicateRow.entry,
    attendanceUnmatchedRow.entry, attendanceNameDiffers.entry, attendanceAmbiguousRow.entry,
    attendanceUnknownMark.entry,
    attendanceInvalidTime.entry, ledgerColumns.entry, ledgerRow.entry, ledgerUnreadable.entry,
    certificateUnknownNumber.entry, certificateRuleNoLongerMet.entry, certificateUnwritable.entry,
  ]
}
