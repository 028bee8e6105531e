/// Identifiers, references between files, output paths (docs/diagnostics.md "Identifiers",
/// "References").
extension Catalogue {
  public static let duplicateID = MessageTemplate<(kind: String, id: String, first: String?)>(
    "duplicate-id", sample: ("session", "lec", "day1.xml:6:5"),
    ja: {
      Wording(
        "\($0.kind) の id \"\($0.id)\" が二回使われています",
        hint: ($0.first.map { "最初は \($0) にあります。" } ?? "") + "どちらかの id を変えてください")
    },
    en: {
      Wording("\($0.kind) id \"\($0.id)\" is used twice", hint: $0.first.map { "first defined at \($0)" })
    })

  public static let duplicateOption = MessageTemplate<(item: String, option: String)>(
    "duplicate-option", sample: ("q1", "医師"),
    ja: { Wording("<item> \"\($0.item)\" に選択肢 \"\($0.option)\" が二回あります", hint: "重複を消してください") },
    en: { Wording("<item> \"\($0.item)\" lists the option \"\($0.option)\" twice") })

  /// What a file of the site is for: `the timetable of <course> "day1"` / `<course> "day1" の時間割`.
  public static func siteFileOwner(role: String, element: String?, id: String?) -> Bilingual {
    let thing = element.flatMap { element in id.map { "<\(element)> \"\($0)\"" } }
    let japaneseRole: String =
      switch role {
      case "the home page": "トップページ"
      case "the glossary page": "用語集のページ"
      case "the search page": "検索ページ"
      case "the facilitator notes page": "ファシリテーター用メモのページ"
      case "the page of": "ページ"
      case "the calendar of": "カレンダー"
      case "the timetable of": "時間割"
      case "the handout of": "配布資料"
      case "the quiz of": "確認テスト"
      case "the form of": "回答フォーム"
      case "the facilitator page of": "ファシリテーター用ページ"
      case "the facilitator pack of": "ファシリテーター用資料"
      case "the certificate of": "修了証"
      default: role
      }
    return Bilingual(
      ja: thing.map { "\($0) の\(japaneseRole)" } ?? japaneseRole,
      en: thing.map { "\(role) \($0)" } ?? role)
  }

  public static let outputCollision = MessageTemplate<(first: Bilingual, second: Bilingual, path: String)>(
    "output-collision",
    sample: (
      siteFileOwner(role: "the page of", element: "programme", id: "p"),
      siteFileOwner(role: "the page of", element: "module", id: "p"), "programmes/p/index.html"
    ),
    ja: {
      Wording(
        "\($0.first.ja.message) と \($0.second.ja.message) が、どちらも \($0.path) に書き出されます",
        hint: "どちらかの id を変えてください。ファイル名では半角英数字・- _ . 以外の文字は _ になります")
    },
    en: {
      Wording(
        "\($0.first.en.message) and \($0.second.en.message) would both be written to \($0.path)",
        hint:
          "rename one of the two ids (in file names, characters other than ASCII letters, digits, '-', '_' and '.' become '_')"
      )
    })

  public static let outputInsideFile = MessageTemplate<(inner: Bilingual, folder: String, file: Bilingual)>(
    "output-collision",
    sample: (
      siteFileOwner(role: "the timetable of", element: "course", id: "prog.ics"), "programmes/prog/prog.ics",
      siteFileOwner(role: "the calendar of", element: "programme", id: "prog")
    ),
    ja: {
      Wording(
        "\($0.inner.ja.message) はフォルダー \($0.folder)/ の中に書き出されますが、\($0.file.ja.message) が同じ名前のファイル \($0.folder) です",
        hint: "どちらかの id を変えてください")
    },
    en: {
      Wording(
        "\($0.inner.en.message) would be written inside the folder \($0.folder)/, but \($0.file.en.message) is the file \($0.folder)",
        hint:
          "rename one of the two ids (in file names, characters other than ASCII letters, digits, '-', '_' and '.' become '_')"
      )
    })

  public static let outputCaseCollision = MessageTemplate<
    (first: Bilingual, firstPath: String, second: Bilingual, secondPath: String)
  >(
    "output-case-collision",
    sample: (
      siteFileOwner(role: "the timetable of", element: "course", id: "day1"), "programmes/p/day1/index.html",
      siteFileOwner(role: "the timetable of", element: "course", id: "Day1"), "programmes/p/Day1/index.html"
    ),
    ja: {
      Wording(
        "\($0.first.ja.message)（\($0.firstPath)）と \($0.second.ja.message)（\($0.secondPath)）は大文字と小文字しか違いません",
        hint: "macOS や Windows では片方がもう片方を上書きします。どちらかの id を変えてください")
    },
    en: {
      Wording(
        "\($0.first.en.message) (\($0.firstPath)) and \($0.second.en.message) (\($0.secondPath)) differ only in upper and lower case",
        hint: "on macOS and Windows one would overwrite the other; rename one of the ids")
    })

  public static let missingContent = MessageTemplate<(subject: String, path: String, expected: String)>(
    "missing-content", sample: ("<session> \"lec\"", "nowhere.md", "content/nowhere.md"),
    ja: {
      Wording(
        "\($0.subject): ファイル \"\($0.path)\" がありません",
        hint: "\($0.expected) に置くか、パスを直してください（content/ からの相対パスです）")
    },
    en: {
      Wording("\($0.subject): content file \"\($0.path)\" does not exist", hint: "expected at \($0.expected)")
    })

  public static let missingLogo = MessageTemplate<(logo: String, expected: String)>(
    "missing-content", sample: ("images/logo.svg", "content/images/logo.svg"),
    ja: { Wording("<site>: ロゴ \"\($0.logo)\" がありません", hint: "\($0.expected) に置くか、パスを直してください") },
    en: { Wording("<site>: logo \"\($0.logo)\" does not exist", hint: "expected at \($0.expected)") })

  public static let contentOutside = MessageTemplate<(subject: String, path: String)>(
    "content-outside", sample: ("<session> \"lec\"", "../../etc/passwd"),
    ja: {
      Wording(
        "\($0.subject): \"\($0.path)\" は content フォルダーの外にあります",
        hint: "ファイルを content/ にコピーし、content/ からの相対パスで指定してください。.. や絶対パスは使えません")
    },
    en: {
      Wording(
        "\($0.subject): \"\($0.path)\" is outside the content folder",
        hint: "src paths are relative to content/ and cannot use .. or absolute paths")
    })

  public static let logoOutside = MessageTemplate<String>(
    "logo-outside", sample: "../private/logo.png",
    ja: {
      Wording(
        "<site>: ロゴ \"\($0)\" は content フォルダーの外にあります",
        hint: "画像を content/ に置き、そこからのパスで指定してください。例: logo=\"images/logo.svg\"")
    },
    en: {
      Wording(
        "<site>: logo \"\($0)\" is outside the content folder",
        hint: "put the image under content/ and give its path from there, e.g. logo=\"images/logo.svg\"")
    })

  public static let unknownModule = MessageTemplate<(subject: String, id: String, suggestion: String?)>(
    "unknown-module", sample: ("<session> \"self\"", "harassment", nil),
    ja: {
      Wording(
        "\($0.subject) が指定している教材（module）\"\($0.id)\" は定義されていません",
        hint: $0.suggestion.map { "\"\($0)\" の書き間違いではありませんか？" } ?? "<module> を定義するか、id を直してください")
    },
    en: {
      Wording(
        "\($0.subject) names module \"\($0.id)\", which is not defined",
        hint: $0.suggestion.map { "did you mean \"\($0)\"?" })
    })

  public static let unknownSurvey = MessageTemplate<(subject: String, id: String, suggestion: String?)>(
    "unknown-survey", sample: ("<session> \"eval\"", "day1-eval", nil),
    ja: {
      Wording(
        "\($0.subject) が指定しているアンケート（survey）\"\($0.id)\" は定義されていません",
        hint: $0.suggestion.map { "\"\($0)\" の書き間違いではありませんか？" } ?? "<survey> を定義するか、id を直してください")
    },
    en: {
      Wording(
        "\($0.subject) names survey \"\($0.id)\", which is not defined",
        hint: $0.suggestion.map { "did you mean \"\($0)\"?" })
    })

  public static let unknownPairedSurvey = MessageTemplate<(subject: String, id: String)>(
    "unknown-survey", sample: ("<survey> \"pre\"", "post"),
    ja: { Wording("\($0.subject) の対になるアンケート \"\($0.id)\" は定義されていません") },
    en: { Wording("\($0.subject) is paired with survey \"\($0.id)\", which is not defined") })

  public static let missingSurvey = MessageTemplate<String>(
    "missing-survey", sample: "<session> \"eval\"",
    ja: {
      Wording("\($0) はアンケートの時間ですが、アンケートが指定されていません", hint: "survey=\"…\" に <survey> の id を書いてください")
    },
    en: {
      Wording(
        "\($0) is a survey session without a survey", hint: "add survey=\"…\" with the id of a <survey>")
    })

  public static let missingModule = MessageTemplate<String>(
    "missing-module", sample: "<session> \"self\"",
    ja: {
      Wording("\($0) は自習の時間ですが、教材が指定されていません", hint: "module=\"…\" に <module> の id を書いてください")
    },
    en: {
      Wording(
        "\($0) is a self-study session without a module", hint: "add module=\"…\" with the id of a <module>")
    })

  public static let invalidPairing = MessageTemplate<String>(
    "invalid-pairing", sample: "<survey> \"s\"",
    ja: { Wording("\($0) が自分自身と対になっています", hint: "対になる事前・事後テストの id を書いてください") },
    en: { Wording("\($0) is paired with itself") })

  public static let unknownRoster = MessageTemplate<(programme: String, roster: String)>(
    "unknown-roster", sample: ("p", "nobody"),
    ja: {
      Wording(
        "<programme> \"\($0.programme)\" が指定している名簿 \"\($0.roster)\" は定義されていません",
        hint: "名簿を rosters/\($0.roster).xml に置いてください。kenshu roster import で作れます")
    },
    en: {
      Wording(
        "<programme> \"\($0.programme)\" names roster \"\($0.roster)\", which is not defined",
        hint: "put the roster in rosters/\($0.roster).xml (kenshu roster import)")
    })

  public static let unknownPerson = MessageTemplate<
    (subject: String, role: String, id: String, roster: String?)
  >(
    "unknown-person", sample: ("<session> \"lec\"", "instructor", "f99", "r"),
    ja: {
      Wording(
        "\($0.subject) の \(Catalogue.japaneseRole($0.role)) \"\($0.id)\" は"
          + ($0.roster.map { "名簿 \"\($0)\" に" } ?? "どの名簿にも") + "載っていません",
        hint: "id を直すか、名簿に追加してください")
    },
    en: {
      Wording(
        "\($0.subject) names \($0.role) \"\($0.id)\", who is not on \($0.roster.map { "roster \"\($0)\"" } ?? "any roster")"
      )
    })

  /// 講師 / ファシリテーター for the roster roles named in messages.
  public static func japaneseRole(_ role: String) -> String {
    switch role {
    case "instructor": "講師"
    case "facilitator": "ファシリテーター"
    case "trainee": "受講者"
    case "organiser": "事務局"
    default: role
    }
  }

  public static let unknownKeepApart = MessageTemplate<(subject: String, other: String, roster: String)>(
    "unknown-keep-apart", sample: ("<person> \"a2\"", "a9", "r"),
    ja: {
      Wording(
        "\($0.subject): <keep-apart person=\"\($0.other)\"> の人は名簿 \"\($0.roster)\" にいません",
        hint: "同じ名簿の <person> の id を書いてください。このままでは二人が同じグループになることがあります")
    },
    en: {
      Wording(
        "\($0.subject): <keep-apart person=\"\($0.other)\"> names nobody on roster \"\($0.roster)\"",
        hint: "use the id of a <person> in this roster; without it the two people can be put in one group")
    })

  public static let unqualifiedInstructor = MessageTemplate<(subject: String, id: String, programme: String)>(
    "unqualified-instructor", sample: ("<session> \"gw\"", "p1", "p"),
    ja: {
      Wording(
        "\($0.subject): 講師 \"\($0.id)\" には \"\($0.programme)\" の講師の資格が記録されていません",
        hint: "名簿に <qualification subject=\"\($0.programme)\" role=\"instructor\"/> を記録してください")
    },
    en: {
      Wording(
        "\($0.subject): instructor \"\($0.id)\" has no instructor qualification for \"\($0.programme)\"",
        hint: "record it on the roster: <qualification subject=\"\($0.programme)\" role=\"instructor\"/>")
    })

  public static let unqualifiedFacilitator = MessageTemplate<
    (subject: String, id: String, programme: String)
  >(
    "unqualified-facilitator", sample: ("<session> \"gw\"", "p1", "p"),
    ja: {
      Wording(
        "\($0.subject): ファシリテーター \"\($0.id)\" には \"\($0.programme)\" のファシリテーターの資格が記録されていません",
        hint: "名簿に <qualification subject=\"\($0.programme)\" role=\"facilitator\"/> を記録してください")
    },
    en: {
      Wording(
        "\($0.subject): facilitator \"\($0.id)\" has no facilitator qualification for \"\($0.programme)\"",
        hint: "record it on the roster: <qualification subject=\"\($0.programme)\" role=\"facilitator\"/>")
    })

  public static let unknownObjective = MessageTemplate<
    (subject: String, attribute: String, id: String, suggestion: String?)
  >(
    "unknown-objective", sample: ("<session> \"lec\"", "practises", "obj-nothing", nil),
    ja: {
      Wording(
        "\($0.subject): \($0.attribute) に書かれた目標 \"\($0.id)\" は定義されていません",
        hint: $0.suggestion.map { "\"\($0)\" の書き間違いではありませんか？" } ?? "id を直すか、<objective id=\"…\"> を追加してください")
    },
    en: {
      Wording(
        "\($0.subject): \($0.attribute) names objective \"\($0.id)\", which is not defined",
        hint: $0.suggestion.map { "did you mean \"\($0)\"?" })
    })

  public static let unknownScale = MessageTemplate<(item: String, scale: String, builtIn: [String])>(
    "unknown-scale", sample: ("q1", "stars", ["agree5", "agree4"]),
    ja: {
      Wording(
        "<item> \"\($0.item)\" の尺度 \"\($0.scale)\" は定義されていません",
        hint: "<scale id=\"\($0.scale)\"> を定義するか、用意された尺度を使ってください: \($0.builtIn.joined(separator: "、"))")
    },
    en: {
      Wording(
        "<item> \"\($0.item)\" uses scale \"\($0.scale)\", which is not defined",
        hint: "define <scale id=\"\($0.scale)\"> or use a built-in scale: "
          + $0.builtIn.joined(separator: ", "))
    })

  public static let unknownMeasure = MessageTemplate<(item: String, measure: String)>(
    "unknown-measure", sample: ("q1", "conf"),
    ja: {
      Wording(
        "<item> \"\($0.item)\" の測定項目 \"\($0.measure)\" は定義されていません",
        hint: "アンケートに <measure id=\"\($0.measure)\" title=\"…\"/> を追加してください")
    },
    en: {
      Wording(
        "<item> \"\($0.item)\" belongs to measure \"\($0.measure)\", which is not defined",
        hint: "add <measure id=\"\($0.measure)\" title=\"…\"/> to the survey")
    })

  /// One note for the references that were not checked because files could not be read.
  public static let checksSkipped = MessageTemplate<(count: Int, files: [String])>(
    "checks-skipped", sample: (14, ["curricula/day1.xml"]),
    ja: {
      Wording(
        "\($0.files.joined(separator: "、")) を読めなかったため、そこに定義があるかもしれない参照などの確認 \($0.count) 件を省きました",
        hint: "上のエラーを直すと確認されます")
    },
    en: {
      Wording(
        "\($0.count) check\($0.count == 1 ? "" : "s") of references that may point into \($0.files.joined(separator: ", ")) \($0.count == 1 ? "was" : "were") skipped, because \($0.files.count == 1 ? "that file" : "those files") could not be read",
        hint: "they are made again once the errors above are fixed")
    })

  static let referenceEntries: [CatalogueEntry] = [
    duplicateID.entry, duplicateOption.entry, outputCollision.entry, outputInsideFile.entry,
    outputCaseCollision.entry, missingContent.entry, missingLogo.entry, contentOutside.entry,
    logoOutside.entry,
    unknownModule.entry, unknownSurvey.entry, unknownPairedSurvey.entry, missingSurvey.entry,
    missingModule.entry, invalidPairing.entry, unknownRoster.entry, unknownPerson.entry,
    unknownKeepApart.entry,
    unqualifiedInstructor.entry, unqualifiedFacilitator.entry, unknownObjective.entry, unknownScale.entry,
    unknownMeasure.entry, checksSkipped.entry,
  ]
}
