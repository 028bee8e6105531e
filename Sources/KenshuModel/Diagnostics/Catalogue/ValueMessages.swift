/// Typed attribute values (docs/diagnostics.md "Values").
extension Catalogue {
  public static let invalidID = MessageTemplate<(subject: String, attribute: String, value: String)>(
    "invalid-id", sample: ("<session> \"講義\"", "id", "講義"),
    ja: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" は id として使えません",
        hint: "id は URL に使われるので、半角英数字と - _ で書いてください（例: id=\"lecture1\"）。日本語は <title> に書きます")
    },
    en: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" is not a valid id",
        hint: "use ASCII letters, digits, '-' and '_', starting with a letter (ids appear in URLs)")
    })

  public static let invalidDuration = MessageTemplate<(subject: String, value: String)>(
    "invalid-duration", sample: ("<session> \"lec\"", "60分"),
    ja: {
      Wording(
        "\($0.subject): 所要時間 \"\($0.value)\" を読めません",
        hint: "ISO 8601 の形で分単位まで書いてください。例: 30分は PT30M、1時間は PT1H、1時間半は PT1H30M")
    },
    en: {
      Wording(
        "\($0.subject): duration \"\($0.value)\" is not an ISO 8601 duration in whole minutes",
        hint: "e.g. duration=\"PT30M\", \"PT1H\" or \"PT1H30M\"")
    })

  public static let invalidTime = MessageTemplate<(subject: String, attribute: String, value: String)>(
    "invalid-time", sample: ("<session> \"lec\"", "start", "25:00"),
    ja: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" は時刻として読めません",
        hint: "24時間制の 時:分 で書いてください。例: 13:30")
    },
    en: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" is not a clock time", hint: "write HH:MM, e.g. 13:30")
    })

  public static let invalidDate = MessageTemplate<(subject: String, attribute: String, value: String)>(
    "invalid-date", sample: ("<course> \"day1\"", "date", "2026-02-30"),
    ja: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" は日付として読めません",
        hint: "西暦で 年-月-日 と書いてください。例: 2026-10-17")
    },
    en: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" is not a date",
        hint: "write YYYY-MM-DD, e.g. 2026-10-17")
    })

  public static let numberOutOfRange = MessageTemplate<
    (subject: String, attribute: String, value: String, lowest: Int, highest: Int)
  >(
    "invalid-number", sample: ("<quiz>", "pass-mark", "120", 0, 100),
    ja: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" は \($0.lowest) から \($0.highest) までの整数で書いてください")
    },
    en: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" must be a whole number from \($0.lowest) to \($0.highest)"
      )
    })

  public static let notANumber = MessageTemplate<(subject: String, attribute: String, value: String)>(
    "invalid-number", sample: ("<item> \"q3\"", "min", "一"),
    ja: { Wording("\($0.subject): \($0.attribute) \"\($0.value)\" は数として読めません", hint: "半角の数字で書いてください") },
    en: { Wording("\($0.subject): \($0.attribute) \"\($0.value)\" is not a number") })

  /// Full-width digits or colons (typed with a Japanese input method), read as their half-width
  /// forms: the value is used, and the warning says how it was understood.
  public static let fullWidthValue = MessageTemplate<
    (subject: String, attribute: String, value: String, understood: String)
  >(
    "full-width-value", sample: ("<session> \"lec\"", "start", "１１：２０", "11:20"),
    ja: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" に全角文字があります。\"\($0.understood)\" と読みました",
        hint: "半角で \($0.attribute)=\"\($0.understood)\" と書いてください")
    },
    en: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" has full-width characters; read as \"\($0.understood)\"",
        hint: "write \($0.attribute)=\"\($0.understood)\" with half-width characters")
    })

  public static let unknownProfession = MessageTemplate<
    (subject: String, value: String, suggestion: String?)
  >(
    "unknown-profession", sample: ("<session> \"lec\"", "wizard", nil),
    ja: {
      Wording(
        "\($0.subject): 職種 \"\($0.value)\" は登録されていません",
        hint: $0.suggestion.map { "\($0) の書き間違いではありませんか？" }
          ?? "docs/reference/professions.md の id か日本語名（医師、看護師、介護支援専門員 など）を使ってください")
    },
    en: {
      Wording(
        "\($0.subject): unknown profession \"\($0.value)\"",
        hint: $0.suggestion.map { "did you mean \($0)?" } ?? "see docs/reference/professions.md")
    })

  public static let unknownProfessionCountedAsOther = MessageTemplate<(subject: String, value: String)>(
    "unknown-profession", sample: ("<person> \"a1\"", "魔法使い"),
    ja: { Wording("\($0.subject): 職種 \"\($0.value)\" は登録されていないため「その他」として数えます") },
    en: { Wording("\($0.subject): unknown profession \"\($0.value)\", counted as other") })

  public static let invalidLanguage = MessageTemplate<(subject: String, value: String)>(
    "invalid-language", sample: ("<programme> \"p\"", "日本"),
    ja: {
      Wording(
        "\($0.subject): xml:lang \"\($0.value)\" は言語タグとして読めません",
        hint: "日本語は \"ja\"、英語は \"en\" と書いてください")
    },
    en: {
      Wording(
        "\($0.subject): xml:lang \"\($0.value)\" is not a valid language tag",
        hint: "use \"ja\" or \"en\" (BCP 47)")
    })

  public static let unsupportedLanguage = MessageTemplate<(subject: String, value: String)>(
    "unsupported-language", sample: ("<programme> \"p\"", "fr"),
    ja: {
      Wording(
        "\($0.subject): xml:lang \"\($0.value)\" の画面表示は用意されていないため、ページの見出しなどは日本語になります",
        hint: "\"ja\" か \"en\" を使ってください")
    },
    en: {
      Wording(
        "\($0.subject): xml:lang \"\($0.value)\" has no translated interface; pages use Japanese labels")
    })

  public static let srcAndText = MessageTemplate<String>(
    "src-and-text", sample: "<content>",
    ja: { Wording("\($0) に src と本文の両方があります", hint: "どちらか一方にしてください") },
    en: { Wording("\($0) has both src and inline text", hint: "keep one of them") })

  public static let srcAndBody = MessageTemplate<String>(
    "src-and-text", sample: "<case> \"c1\"",
    ja: { Wording("\($0) に src と <body> の両方があります", hint: "どちらか一方にしてください") },
    en: { Wording("\($0) has both src and a <body>", hint: "keep one of them") })

  public static let emptyText = MessageTemplate<String>(
    "missing-text", sample: "<content>",
    ja: {
      Wording("\($0) が空です", hint: "中に Markdown を書くか、content/ のファイルを src=\"file.md\" で指定してください")
    },
    en: { Wording("\($0) is empty", hint: "write Markdown inside it or give src=\"file.md\" under content/") }
  )

  public static let caseWithoutText = MessageTemplate<String>(
    "missing-text", sample: "<case> \"c1\"",
    ja: { Wording("\($0) に事例の本文がありません", hint: "src=\"cases/….md\" を指定するか、<body> に事例を書いてください") },
    en: { Wording("\($0) has no text", hint: "give src=\"cases/….md\" or a <body> with the case") })

  public static let missingAnswer = MessageTemplate<String>(
    "missing-answer", sample: "<question> \"q1\"",
    ja: { Wording("\($0) は○×問題ですが、正解がありません", hint: "answer=\"true\" か answer=\"false\" を書いてください") },
    en: {
      Wording(
        "\($0) is a true-false question without an answer", hint: "add answer=\"true\" or answer=\"false\"")
    })

  public static let unsafeURL = MessageTemplate<(subject: String, attribute: String, value: String)>(
    "unsafe-url", sample: ("<desk>", "url", "javascript:alert(1)"),
    ja: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" は使えないリンクです",
        hint: "https://、http://、tel:、mailto: のどれかで始まるリンクにしてください")
    },
    en: {
      Wording(
        "\($0.subject): \($0.attribute) \"\($0.value)\" must start with https://, http://, tel: or mailto:")
    })

  public static let invalidColour = MessageTemplate<String>(
    "invalid-colour", sample: "blue",
    ja: { Wording("<site>: accent-colour \"\($0)\" は #rrggbb の形の色ではありません", hint: "例: #1f5f7a") },
    en: { Wording("<site>: accent-colour \"\($0)\" is not a #rrggbb colour", hint: "write e.g. #1f5f7a") })

  public static let duplicateSite = MessageTemplate<String>(
    "duplicate-site", sample: "kenshu.xml",
    ja: { Wording("<site> の設定ファイルが二つあります", hint: "一つ目は \($0) です。kenshu.xml 一つにまとめてください") },
    en: { Wording("a second <site> settings file", hint: "the first is \($0)") })

  static let valueEntries: [CatalogueEntry] = [
    invalidID.entry, invalidDuration.entry, invalidTime.entry, invalidDate.entry, numberOutOfRange.entry,
    notANumber.entry, fullWidthValue.entry, unknownProfession.entry, unknownProfessionCountedAsOther.entry,
    invalidLanguage.entry, unsupportedLanguage.entry, srcAndText.entry, srcAndBody.entry, emptyText.entry,
    caseWithoutText.entry, missingAnswer.entry, unsafeURL.entry, invalidColour.entry, duplicateSite.entry,
  ]
}
