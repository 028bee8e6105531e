/// Whole-project checks: timetable, group work, self-study modules, surveys, objective alignment,
/// personal data (docs/diagnostics.md, the sections of the same names).
extension Catalogue {
  public static let invalidDay = MessageTemplate<(course: String, start: String, end: String)>(
    "invalid-day", sample: ("day1", "17:00", "13:00"),
    ja: {
      Wording(
        "<course> \"\($0.course)\" の終了時刻 \($0.end) が開始時刻 \($0.start) より前です", hint: "start と end を直してください")
    },
    en: { Wording("<course> \"\($0.course)\" ends at \($0.end) but starts at \($0.start)") })

  public static let sessionBeforeStart = MessageTemplate<(subject: String, start: String, dayStart: String)>(
    "session-before-start", sample: ("<session> \"a\"", "12:30", "13:00"),
    ja: {
      Wording(
        "\($0.subject) が \($0.start) に始まり、一日の開始 \($0.dayStart) より前です",
        hint: "セッションか一日の開始時刻を動かしてください")
    },
    en: { Wording("\($0.subject) starts at \($0.start), before the day starts at \($0.dayStart)") })

  public static let sessionOverlap = MessageTemplate<
    (subject: String, start: String, previous: String, end: String)
  >(
    "session-overlap", sample: ("<session> \"b\"", "13:30", "a", "14:00"),
    ja: {
      Wording(
        "\($0.subject) が \($0.start) に始まりますが、前の \"\($0.previous)\" が終わるのは \($0.end) です",
        hint: "開始を \($0.end) にするか、\"\($0.previous)\" を短くしてください")
    },
    en: {
      Wording(
        "\($0.subject) starts at \($0.start), before \"\($0.previous)\" ends at \($0.end)",
        hint: "move its start to \($0.end) or shorten \"\($0.previous)\"")
    })

  public static let sessionPastEnd = MessageTemplate<(subject: String, end: String, dayEnd: String)>(
    "session-past-end", sample: ("<session> \"b\"", "17:30", "17:00"),
    ja: {
      Wording(
        "\($0.subject) の終わりが \($0.end) で、一日の終了 \($0.dayEnd) を過ぎています",
        hint: "セッションを短くするか、一日の終了時刻を動かしてください")
    },
    en: {
      Wording(
        "\($0.subject) ends at \($0.end), after the day ends at \($0.dayEnd)",
        hint: "shorten the sessions or move the day's end")
    })

  public static let sessionPastMidnight = MessageTemplate<String>(
    "session-past-midnight", sample: "<session> \"a\"",
    ja: { Wording("\($0) が深夜 0 時を過ぎます", hint: "開始時刻か所要時間を直してください") },
    en: { Wording("\($0) runs past midnight") })

  public static let noStartTime = MessageTemplate<String>(
    "no-start-time", sample: "day1",
    ja: {
      Wording(
        "<course> \"\($0)\" に開始時刻がないため、時間割に時刻が出ません", hint: "コースに start=\"HH:MM\" を書いてください")
    },
    en: {
      Wording(
        "<course> \"\($0)\" has no start time, so its timetable shows no clock times",
        hint: "add start=\"HH:MM\" to the course")
    })

  public static let doubleBooked = MessageTemplate<
    (
      role: String, person: String, session: String, start: String, end: String, other: String,
      otherStart: String, otherEnd: String, date: String?
    )
  >(
    "double-booked",
    sample: ("instructor", "p1", "lec-b", "13:30", "14:30", "lec-a", "13:00", "14:00", "2026-10-17"),
    ja: {
      Wording(
        "\(Catalogue.japaneseRole($0.role)) \"\($0.person)\" が\($0.date.map { " \($0) に" } ?? "")同じ時間の <session> \"\($0.session)\"（\($0.start)–\($0.end)）と <session> \"\($0.other)\"（\($0.otherStart)–\($0.otherEnd)）に入っています",
        hint: "どちらかを別の人にするか、セッションの時間をずらしてください")
    },
    en: {
      Wording(
        "\($0.role) \"\($0.person)\" is in <session> \"\($0.session)\" (\($0.start)–\($0.end)) and in <session> \"\($0.other)\" (\($0.otherStart)–\($0.otherEnd)) at the same time\($0.date.map { " on \($0)" } ?? "")",
        hint: "name someone else for one of them, or move one of the sessions")
    })

  public static let groupworkWithoutGroups = MessageTemplate<String>(
    "groupwork-without-groups", sample: "<session> \"gw\"",
    ja: {
      Wording(
        "\($0) はグループワークですが、グループの指定がありません",
        hint: "<groups size=\"6\" min-professions=\"4\"/> を書くと kenshu groups で班分けできます")
    },
    en: {
      Wording(
        "\($0) is group work but says nothing about groups",
        hint: "add <groups size=\"6\" min-professions=\"4\"/> so kenshu groups can plan the tables")
    })

  public static let invalidGroupSize = MessageTemplate<(subject: String, maxSize: Int, size: Int)>(
    "invalid-group-size", sample: ("<session> \"gw\"", 4, 6),
    ja: {
      Wording(
        "\($0.subject): max-size \($0.maxSize) が size \($0.size) より小さくなっています",
        hint: "max-size を上げるか size を下げてください")
    },
    en: { Wording("\($0.subject): max-size \($0.maxSize) is smaller than size \($0.size)") })

  public static let groupsTooSmall = MessageTemplate<(subject: String, size: Int, minimum: Int)>(
    "unsatisfiable-groups", sample: ("<session> \"gw\"", 4, 5),
    ja: {
      Wording(
        "\($0.subject): \($0.size) 人のグループに \($0.minimum) 職種は入りません",
        hint: "min-professions を \($0.size) 以下にするか、グループの人数を増やしてください")
    },
    en: {
      Wording(
        "\($0.subject): groups of \($0.size) cannot hold \($0.minimum) different professions",
        hint: "lower min-professions to \($0.size) or raise the group size")
    })

  public static let tooFewProfessionsExist = MessageTemplate<(subject: String, count: Int)>(
    "unsatisfiable-groups", sample: ("<session> \"gw\"", 20),
    ja: { Wording("\($0.subject): 職種は \($0.count) 種類しかありません", hint: "min-professions を下げてください") },
    en: { Wording("\($0.subject): there are only \($0.count) professions") })

  public static let rosterHasFewProfessions = MessageTemplate<(subject: String, distinct: Int, minimum: Int)>(
    "unsatisfiable-groups", sample: ("<session> \"gw\"", 3, 4),
    ja: {
      Wording(
        "\($0.subject): 名簿の受講者の職種は \($0.distinct) 種類で、min-professions \($0.minimum) に足りません",
        hint: "min-professions を下げるか、受講者の職種を確かめてください")
    },
    en: {
      Wording(
        "\($0.subject): the roster has only \($0.distinct) profession\($0.distinct == 1 ? "" : "s"), fewer than min-professions \($0.minimum)"
      )
    })

  public static let phaseMinutes = MessageTemplate<(subject: String, total: Int, duration: Int)>(
    "phase-minutes", sample: ("<session> \"gw1\"", 65, 60),
    ja: {
      Wording(
        "\($0.subject): 進行の合計が \($0.total) 分ですが、セッションは \($0.duration) 分です",
        hint: $0.total < $0.duration
          ? "どこかの進行に \($0.duration - $0.total) 分足してください" : "進行から合わせて \($0.total - $0.duration) 分減らしてください")
    },
    en: {
      Wording(
        "\($0.subject): phases add up to \($0.total) minutes but the session lasts \($0.duration)",
        hint: $0.total < $0.duration
          ? "add \($0.duration - $0.total) minutes to a phase"
          : "remove \($0.total - $0.duration) minutes from the phases")
    })

  public static let emptyModule = MessageTemplate<String>(
    "empty-module", sample: "m",
    ja: { Wording("<module> \"\($0)\" にレッスン・事例・確認テストがありません", hint: "下書きのうちはこのままでもかまいません") },
    en: { Wording("<module> \"\($0)\" has no lessons, scenarios or quiz") })

  public static let scenarioTooFewChoices = MessageTemplate<(subject: String, count: Int)>(
    "too-few-choices", sample: ("<scenario> \"sc1\"", 1),
    ja: { Wording("\($0.subject) の選択肢が \($0.count) つしかありません", hint: "選べるように選択肢を二つ以上にしてください") },
    en: {
      Wording(
        "\($0.subject) has \($0.count) choice\($0.count == 1 ? "" : "s")",
        hint: "a scenario needs at least two choices to decide between")
    })

  public static let questionTooFewChoices = MessageTemplate<String>(
    "too-few-choices", sample: "<question> \"q2\"",
    ja: { Wording("\($0) には選択肢が二つ以上必要です") },
    en: { Wording("\($0) needs at least two choices") })

  public static let tooManyChoices = MessageTemplate<String>(
    "too-many-choices", sample: "<question> \"q3\"",
    ja: { Wording("\($0) は○×問題ですが、選択肢が三つ以上あります", hint: "kind=\"single\" にするか、選択肢を減らしてください") },
    en: { Wording("\($0) is true-false but has more than two choices") })

  public static let noRecommendedChoice = MessageTemplate<String>(
    "no-correct-choice", sample: "<scenario> \"sc1\"",
    ja: { Wording("\($0) に推奨される対応（正解）の選択肢がありません", hint: "最もよい選択肢に correct=\"true\" を書いてください") },
    en: {
      Wording(
        "\($0) marks no choice as the recommended response", hint: "add correct=\"true\" to the best choice")
    })

  public static let noCorrectChoice = MessageTemplate<String>(
    "no-correct-choice", sample: "<question> \"q1\"",
    ja: { Wording("\($0) に正解の選択肢がありません", hint: "正解に correct=\"true\" を書いてください") },
    en: { Wording("\($0) has no correct choice", hint: "add correct=\"true\" to the right answer") })

  public static let severalCorrectChoices = MessageTemplate<(subject: String, count: Int)>(
    "several-correct-choices", sample: ("<question> \"q2\"", 2),
    ja: {
      Wording(
        "\($0.subject) は一つを選ぶ問題ですが、正解が \($0.count) つあります", hint: "kind=\"multiple\" にするか、正解を一つにしてください")
    },
    en: {
      Wording(
        "\($0.subject) is single-choice but marks \($0.count) choices correct",
        hint: "use kind=\"multiple\" or mark one choice")
    })

  public static let missingFeedback = MessageTemplate<(subject: String, choice: String)>(
    "missing-feedback", sample: ("<scenario> \"sc1\"", "a"),
    ja: {
      Wording(
        "\($0.subject): 選択肢 \"\($0.choice)\" に理由を説明するフィードバックがありません",
        hint: "選択肢の中に <feedback>…</feedback> を書いてください")
    },
    en: {
      Wording(
        "\($0.subject): choice \"\($0.choice)\" has no feedback explaining why",
        hint: "add <feedback>…</feedback> inside the choice")
    })

  public static let tooFewPoints = MessageTemplate<String>(
    "too-few-points", sample: "one",
    ja: { Wording("<scale> \"\($0)\" には段階が二つ以上必要です", hint: "<point> を追加してください") },
    en: { Wording("<scale> \"\($0)\" needs at least two points") })

  public static let duplicatePoint = MessageTemplate<(scale: String, label: String)>(
    "duplicate-point", sample: ("agree3", "そう思う"),
    ja: {
      Wording(
        "<scale> \"\($0.scale)\" に段階 \"\($0.label)\" が二回あります", hint: "段階ごとに違うラベルを、低い方から順に書いてください")
    },
    en: {
      Wording(
        "<scale> \"\($0.scale)\" lists the point \"\($0.label)\" twice",
        hint: "each point needs its own label, from the lowest to the highest")
    })

  public static let tooFewOptions = MessageTemplate<(subject: String, type: String)>(
    "too-few-options", sample: ("<item> \"q1\"", "single"),
    ja: { Wording("\($0.subject) は選択式ですが、選択肢が二つ未満です", hint: "<option>…</option> を追加してください") },
    en: {
      Wording(
        "\($0.subject) is a \($0.type)-choice item with fewer than two options",
        hint: "add <option>…</option> elements")
    })

  public static let missingScale = MessageTemplate<String>(
    "missing-scale", sample: "<item> \"q2\"",
    ja: {
      Wording("\($0) はリッカート尺度の質問ですが、尺度がありません", hint: "scale=\"agree5\" か、このアンケートの <scale> の id を書いてください")
    },
    en: {
      Wording(
        "\($0) is a Likert item without a scale",
        hint: "add scale=\"agree5\" or the id of a <scale> in this survey")
    })

  public static let invalidRange = MessageTemplate<(subject: String, low: String, high: String)>(
    "invalid-range", sample: ("<item> \"q3\"", "10.0", "1.0"),
    ja: {
      Wording("\($0.subject): min \($0.low) が max \($0.high) より大きくなっています", hint: "min と max を入れ替えてください")
    },
    en: { Wording("\($0.subject): min \($0.low) is larger than max \($0.high)") })

  public static let likertOnlyAttributes = MessageTemplate<String>(
    "ignored-attribute", sample: "<item> \"q4\"",
    ja: { Wording("\($0): scale・reverse・retrospective はリッカート尺度の質問にだけ使われます", hint: "消すか、質問の種類を変えてください") },
    en: { Wording("\($0): scale, reverse and retrospective apply to Likert items only") })

  public static let choiceOnlyOptions = MessageTemplate<String>(
    "ignored-attribute", sample: "<item> \"q5\"",
    ja: { Wording("\($0): 選択肢（<option>）は single と multiple の質問にだけ使われます", hint: "消すか、質問の種類を変えてください") },
    en: { Wording("\($0): options apply to single and multiple items only") })

  public static let smallMeasure = MessageTemplate<(measure: String, count: Int)>(
    "small-measure", sample: ("conf", 1),
    ja: {
      Wording(
        "<measure> \"\($0.measure)\" の質問は \($0.count) 問です。信頼性の計算には二問以上必要です", hint: "測定項目に質問を追加してください")
    },
    en: {
      Wording(
        "<measure> \"\($0.measure)\" has \($0.count) item\($0.count == 1 ? "" : "s"); reliability needs at least two"
      )
    })

  public static let unpairedTest = MessageTemplate<(survey: String, kind: String)>(
    "unpaired-test", sample: ("s", "pre-test"),
    ja: {
      Wording(
        "<survey> \"\($0.survey)\" は\($0.kind == "post-test" ? "事後" : "事前")テストですが、paired-with がありません",
        hint: "対になるテストの id を書くと、回答を比べられます")
    },
    en: {
      Wording(
        "<survey> \"\($0.survey)\" is a \($0.kind) without paired-with",
        hint: "name the matching test so answers can be compared")
    })

  public static let noCorrectOption = MessageTemplate<(subject: String, kind: String, survey: String)>(
    "no-correct-option", sample: ("<item> \"k2\"", "pre-test", "pre"),
    ja: {
      Wording(
        "\($0.subject)（\($0.kind == "post-test" ? "事後" : "事前")テスト \"\($0.survey)\"）に正解の選択肢がありません",
        hint: "正解に correct=\"true\" を書いてください。背景を尋ねる質問は type=\"profession\" か \"text\" にするか、評価アンケートで尋ねてください")
    },
    en: {
      Wording(
        "\($0.subject) in \($0.kind) \"\($0.survey)\" marks no option as correct",
        hint:
          "add correct=\"true\" to the right answer; ask background questions as type=\"profession\" or \"text\", or in an evaluation survey"
      )
    })

  public static let objectiveWithoutID = MessageTemplate<String>(
    "objective-without-id", sample: "連携の方法を考える",
    ja: {
      Wording(
        "目標 \"\($0)\" に id がないため、活動や評価と結び付けられません",
        hint: "id=\"…\" を書き、practises・assesses・evaluates で指定してください")
    },
    en: {
      Wording(
        "objective \"\($0)\" has no id, so nothing can be aligned with it",
        hint: "add id=\"…\" and name it in practises/assesses/evaluates")
    })

  public static let objectiveNotPractised = MessageTemplate<String>(
    "objective-not-practised", sample: "obj-roles",
    ja: {
      Wording(
        "目標 \"\($0)\" に取り組むセッションやレッスンがありません", hint: "その活動に practises=\"\($0)\" を書いてください")
    },
    en: {
      Wording(
        "objective \"\($0)\" is not practised by any session or lesson",
        hint: "add practises=\"\($0)\" to the activity that works on it")
    })

  public static let objectiveNotEvaluated = MessageTemplate<String>(
    "objective-not-evaluated", sample: "obj-roles",
    ja: {
      Wording(
        "目標 \"\($0)\" を評価する確認テストの問題やアンケートの質問がありません",
        hint: "問題に assesses=\"\($0)\" か、質問に evaluates=\"\($0)\" を書いてください")
    },
    en: {
      Wording(
        "objective \"\($0)\" is not evaluated by any quiz question or survey item",
        hint: "add assesses=\"\($0)\" to a question or evaluates=\"\($0)\" to a survey item")
    })

  /// `kind` is what was found, in both languages (a phone number, a real-looking name, …).
  public static let possiblePersonalData = MessageTemplate<(owner: String, kind: Bilingual, text: String)>(
    "possible-personal-data",
    sample: ("<case> \"退院支援の事例\"", Bilingual(ja: "実名らしい名前", en: "a real-looking name"), "山田さん"),
    ja: {
      Wording(
        "\($0.owner) に\($0.kind.ja.message)のようなものがあります: \"\($0.text)\"",
        hint: "公開する前に事例を匿名にしてください。例: Aさん・80代男性")
    },
    en: {
      Wording(
        "\($0.owner) contains what looks like \($0.kind.en.message): \"\($0.text)\"",
        hint: "anonymise cases (e.g. Aさん・80代男性) before publishing")
    })

  static let checkEntries: [CatalogueEntry] = [
    invalidDay.entry, sessionBeforeStart.entry, sessionOverlap.entry, sessionPastEnd.entry,
    sessionPastMidnight.entry, noStartTime.entry, doubleBooked.entry, groupworkWithoutGroups.entry,
    invalidGroupSize.entry, groupsTooSmall.entry, tooFewProfessionsExist.entry, rosterHasFewProfessions.entry,
    phaseMinutes.entry, emptyModule.entry, scenarioTooFewChoices.entry, questionTooFewChoices.entry,
    tooManyChoices.entry, noRecommendedChoice.entry, noCorrectChoice.entry, severalCorrectChoices.entry,
    missingFeedback.entry, tooFewPoints.entry, duplicatePoint.entry, tooFewOptions.entry, missingScale.entry,
    invalidRange.entry, likertOnlyAttributes.entry, choiceOnlyOptions.entry, smallMeasure.entry,
    unpairedTest.entry, noCorrectOption.entry, objectiveWithoutID.entry, objectiveNotPractised.entry,
    objectiveNotEvaluated.entry, possiblePersonalData.entry,
  ]
}
