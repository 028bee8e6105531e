/// Awards and attendance records (docs/diagnostics.md "Certificates and attendance").
extension Catalogue {
  public static let duplicateAward = MessageTemplate<(id: String, first: String)>(
    "duplicate-id", sample: ("completion", "p.xml:30:5"),
    ja: { Wording("award の id \"\($0.id)\" が二回使われています", hint: "最初は \($0.first) にあります。どちらかの id を変えてください") },
    en: { Wording("award id \"\($0.id)\" is used twice", hint: "first defined at \($0.first)") })

  public static let duplicateNumbering = MessageTemplate<
    (subject: String, other: String, numbering: String, example: String)
  >(
    "duplicate-numbering", sample: ("<award> \"attendance\"", "completion", "R8-{n:03}", "R8-001"),
    ja: {
      Wording(
        "\($0.subject) の修了証番号の付け方（\($0.numbering)）では <award> \"\($0.other)\" と同じ番号（\($0.example)）ができます",
        hint: "賞ごとに違う接頭辞にしてください。例: R8-修了-{n:03} と R8-受講-{n:03}（numbering を省くと研修と賞の id が入ります）")
    },
    en: {
      Wording(
        "\($0.subject) can number a certificate like <award> \"\($0.other)\" does (\($0.numbering) makes \($0.example) too)",
        hint:
          "give each award its own prefix, e.g. R8-修了-{n:03} and R8-受講-{n:03} (without numbering, the programme and award ids are used)"
      )
    })

  public static let awardWithoutRule = MessageTemplate<String>(
    "award-without-rule", sample: "<award> \"completion\"",
    ja: {
      Wording(
        "\($0) に条件がないため、名簿の全員に授与されます", hint: "<attend/>（すべての学習セッション）などの条件を書いてください")
    },
    en: {
      Wording(
        "\($0) has no requirement, so everyone on the roster would receive it",
        hint: "add <attend/> (every learning session) or another requirement")
    })

  public static let attendUnknownSession = MessageTemplate<(subject: String, id: String, scope: String)>(
    "unknown-session", sample: ("<award> \"completion\"", "gw9", "<programme> \"p\""),
    ja: {
      Wording(
        "\($0.subject): <attend> のセッション \"\($0.id)\" は \($0.scope) にありません",
        hint: "\($0.scope) の <session> の id を書いてください")
    },
    en: {
      Wording(
        "\($0.subject): <attend> names session \"\($0.id)\", which is not in \($0.scope)",
        hint: "use the id of a <session> of \($0.scope)")
    })

  public static let attendKindMissing = MessageTemplate<(subject: String, kind: String, scope: String)>(
    "unsatisfiable-rule", sample: ("<award> \"completion\"", "groupwork", "<programme> \"p\""),
    ja: {
      Wording(
        "\($0.subject): <attend kinds=\"…\"> は \($0.kind) のセッションを求めていますが、\($0.scope) にはありません",
        hint: "その種類を外すか、そのセッションを追加してください")
    },
    en: {
      Wording(
        "\($0.subject): <attend kinds=\"…\"> asks for \($0.kind) sessions, but \($0.scope) has none",
        hint: "remove the kind or add such a session")
    })

  public static let attendSelectsNothing = MessageTemplate<(subject: String, scope: String)>(
    "unsatisfiable-rule", sample: ("<award> \"completion\"", "<programme> \"p\""),
    ja: {
      Wording(
        "\($0.subject): <attend> が \($0.scope) のセッションを一つも選んでいません",
        hint: "sessions=\"…\" か kinds=\"…\" でセッションを指定してください")
    },
    en: {
      Wording(
        "\($0.subject): <attend> selects no session of \($0.scope)",
        hint: "name sessions with sessions=\"…\" or kinds=\"…\"")
    })

  public static let attendTooManyMinutes = MessageTemplate<(subject: String, minutes: Int, total: Int)>(
    "unsatisfiable-rule", sample: ("<award> \"completion\"", 400, 330),
    ja: {
      Wording(
        "\($0.subject): <attend minutes=\"\($0.minutes)\"> が、対象のセッションの合計 \($0.total) 分より長くなっています",
        hint: "minutes を \($0.total) 以下にしてください")
    },
    en: {
      Wording(
        "\($0.subject): <attend minutes=\"\($0.minutes)\"> asks for more than the \($0.total) minutes its sessions last",
        hint: "lower minutes to at most \($0.total)")
    })

  public static let passUnknownModule = MessageTemplate<(subject: String, module: String)>(
    "unknown-module", sample: ("<award> \"completion\"", "harassment"),
    ja: {
      Wording(
        "\($0.subject): <pass> の教材（module）\"\($0.module)\" は定義されていません",
        hint: "<module> を定義するか、id を直してください")
    },
    en: {
      Wording(
        "\($0.subject): <pass> names module \"\($0.module)\", which is not defined",
        hint: "define the <module> or fix the id")
    })

  public static let submitUnknownSurvey = MessageTemplate<(subject: String, survey: String)>(
    "unknown-survey", sample: ("<award> \"completion\"", "eval"),
    ja: {
      Wording(
        "\($0.subject): <submit> のアンケート \"\($0.survey)\" は定義されていません",
        hint: "<survey> を定義するか、id を直してください")
    },
    en: {
      Wording(
        "\($0.subject): <submit> names survey \"\($0.survey)\", which is not defined",
        hint: "define the <survey> or fix the id")
    })

  public static let completeWithoutRoster = MessageTemplate<(subject: String, stage: String)>(
    "unsatisfiable-rule", sample: ("<award> \"completion\"", "follow-up"),
    ja: {
      Wording(
        "\($0.subject): <complete stage=\"\($0.stage)\"> には研修の名簿が必要ですが、指定されていません",
        hint: "<programme> に roster=\"…\" を書いてください")
    },
    en: {
      Wording(
        "\($0.subject): <complete stage=\"\($0.stage)\"> needs the programme's roster, and it names none",
        hint: "add roster=\"…\" to the <programme>")
    })

  /// `problem` is why the pattern cannot number certificates, in both languages.
  public static let invalidNumbering = MessageTemplate<(subject: String, text: String, problem: Bilingual)>(
    "invalid-numbering",
    sample: (
      "<award> \"completion\"", "R8", Bilingual(ja: "連番の {n} がありません", en: "it has no {n} placeholder")
    ),
    ja: {
      Wording(
        "\($0.subject): numbering \"\($0.text)\" では修了証に番号を付けられません（\($0.problem.ja.message)）",
        hint: "例: numbering=\"R8-多職種-{n:03}\" で R8-多職種-001, R8-多職種-002, … になります")
    },
    en: {
      Wording(
        "\($0.subject): numbering \"\($0.text)\" cannot number certificates: \($0.problem.en.message)",
        hint: "e.g. numbering=\"R8-多職種-{n:03}\" gives R8-多職種-001, R8-多職種-002, …")
    })

  public static let unknownSessionKind = MessageTemplate<(value: String, kinds: [String])>(
    "invalid-value", sample: ("lectur", ["lecture", "groupwork"]),
    ja: {
      Wording(
        "<attend>: 種類 \"\($0.value)\" はセッションの種類ではありません",
        hint: "使える値: " + $0.kinds.joined(separator: "、"))
    },
    en: {
      Wording(
        "<attend>: kind \"\($0.value)\" is not a session kind",
        hint: "one of " + $0.kinds.joined(separator: ", "))
    })

  public static let attendanceUnknownProgramme = MessageTemplate<String>(
    "unknown-programme", sample: "tashokushu-2026",
    ja: {
      Wording(
        "<attendance> の研修 \"\($0)\" は定義されていません", hint: "curricula/ の <programme> の id を書いてください")
    },
    en: {
      Wording(
        "<attendance> is for programme \"\($0)\", which is not defined",
        hint: "use the id of a <programme> in curricula/")
    })

  public static let attendanceWithoutRoster = MessageTemplate<String>(
    "unknown-roster", sample: "tashokushu-2026",
    ja: {
      Wording(
        "\"\($0)\" の <attendance>: 研修に名簿がないため、出席者を照合できません",
        hint: "<programme> に roster=\"…\" を書き、rosters/ に名簿を置いてください")
    },
    en: {
      Wording(
        "<attendance> for \"\($0)\": the programme has no roster to match people against",
        hint: "add roster=\"…\" to the <programme> and the roster under rosters/")
    })

  public static let duplicateAttendee = MessageTemplate<(subject: String, first: String)>(
    "duplicate-attendee", sample: ("<attendee> \"a1\"", "attendance/day1.xml:4:3"),
    ja: { Wording("\($0.subject) が二回記録されています", hint: "最初の記録は \($0.first) です") },
    en: { Wording("\($0.subject) is recorded twice", hint: "first recorded at \($0.first)") })

  public static let attendeeNotOnRoster = MessageTemplate<
    (subject: String, roster: String, programme: String)
  >(
    "unknown-person", sample: ("<attendee> \"a9\"", "r", "p"),
    ja: {
      Wording(
        "\($0.subject) は研修 \"\($0.programme)\" の名簿 \"\($0.roster)\" に載っていません",
        hint: "id を直すか、名簿に追加してください")
    },
    en: {
      Wording(
        "\($0.subject) is not on roster \"\($0.roster)\" of programme \"\($0.programme)\"",
        hint: "fix the id or add the person to the roster")
    })

  public static let attendeeUnknownSession = MessageTemplate<
    (subject: String, id: String, programme: String)
  >(
    "unknown-session", sample: ("<attendee> \"a1\"", "gw9", "p"),
    ja: {
      Wording(
        "\($0.subject): セッション \"\($0.id)\" は研修 \"\($0.programme)\" にありません",
        hint: "研修の <session> の id を書いてください")
    },
    en: {
      Wording(
        "\($0.subject): session \"\($0.id)\" is not in programme \"\($0.programme)\"",
        hint: "use the id of a <session> of the programme")
    })

  public static let attendeeUnknownModule = MessageTemplate<(subject: String, id: String)>(
    "unknown-module", sample: ("<attendee> \"a1\"", "harassment"),
    ja: { Wording("\($0.subject): 教材（module）\"\($0.id)\" は定義されていません") },
    en: { Wording("\($0.subject): module \"\($0.id)\" is not defined") })

  public static let attendeeUnknownSurvey = MessageTemplate<(subject: String, id: String)>(
    "unknown-survey", sample: ("<attendee> \"a1\"", "eval"),
    ja: { Wording("\($0.subject): アンケート \"\($0.id)\" は定義されていません") },
    en: { Wording("\($0.subject): survey \"\($0.id)\" is not defined") })

  static let awardEntries: [CatalogueEntry] = [
    duplicateAward.entry, duplicateNumbering.entry, awardWithoutRule.entry, attendUnknownSession.entry,
    attendKindMissing.entry, attendSelectsNothing.entry, attendTooManyMinutes.entry, passUnknownModule.entry,
    submitUnknownSurvey.entry, completeWithoutRoster.entry, invalidNumbering.entry, unknownSessionKind.entry,
    attendanceUnknownProgramme.entry, attendanceWithoutRoster.entry, duplicateAttendee.entry,
    attendeeNotOnRoster.entry, attendeeUnknownSession.entry, attendeeUnknownModule.entry,
    attendeeUnknownSurvey.entry,
  ]
}
