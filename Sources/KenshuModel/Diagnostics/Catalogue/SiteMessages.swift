/// Building the site (docs/site.md "Diagnostics").
extension Catalogue {
  public static let duplicatePage = MessageTemplate<String>(
    "site-duplicate-page", sample: "programmes/p/index.html",
    ja: { Wording("同じ場所 \($0) に二つのページが書き出されます", hint: "研修・コース・セッションに別々の id を付けてください") },
    en: {
      Wording(
        "two pages would be written to \($0)", hint: "give the programmes, courses or sessions distinct ids")
    })

  public static let siteUnknownSurvey = MessageTemplate<(session: String, id: String)>(
    "site-unknown-survey", sample: ("アンケート", "day1-eval"),
    ja: { Wording("セッション「\($0.session)」のアンケート \($0.id) が定義されていません") },
    en: { Wording("session \"\($0.session)\": unknown survey \($0.id)") })

  public static let siteUnknownModule = MessageTemplate<(session: String, id: String)>(
    "site-unknown-module", sample: ("自己学習", "harassment"),
    ja: { Wording("セッション「\($0.session)」の自己学習教材 \($0.id) が定義されていません") },
    en: { Wording("session \"\($0.session)\": unknown module \($0.id)") })

  public static let siteContentOutside = MessageTemplate<String>(
    "site-content-outside", sample: "../secret.md",
    ja: { Wording("content/ の外のファイル \($0) は読めません", hint: "ファイルを content/ に置いてください") },
    en: { Wording("\($0) is outside content/") })

  public static let siteContentMissing = MessageTemplate<String>(
    "site-content-missing", sample: "day1/intro.md",
    ja: { Wording("内容のファイル content/\($0) が見つかりません", hint: "ファイルを作るか、src 属性を直してください") },
    en: {
      Wording("content file not found: content/\($0)", hint: "create the file or correct the src attribute")
    })

  public static let siteContentEncoding = MessageTemplate<String>(
    "site-content-encoding", sample: "day1/intro.md",
    ja: { Wording("content/\($0) を UTF-8 として読めません", hint: "UTF-8 で保存し直してください") },
    en: { Wording("content/\($0) is not UTF-8", hint: "save the file as UTF-8") })

  public static let assetUnreadable = MessageTemplate<Void>(
    "site-asset-unreadable", sample: (),
    ja: { Wording("ファイルを読めません", hint: "ファイルの読み取り権限を確かめてください") },
    en: { Wording("cannot read") })

  public static let templateInvalid = MessageTemplate<String>(
    "site-template-invalid", sample: "unclosed section 'programmes'",
    ja: {
      Wording("テンプレートを解析できません（\($0)）", hint: "代わりに組み込みのテンプレートを使います。テンプレートを直してください")
    },
    en: { Wording("template does not parse: \($0)", hint: "the built-in template is used instead") })

  public static let accentInvalid = MessageTemplate<String>(
    "site-accent-invalid", sample: "blue",
    ja: { Wording("アクセント色 \($0) は #RRGGBB か #RGB で指定してください", hint: "例: #1f5f7a") },
    en: { Wording("accent colour must be #RRGGBB or #RGB: \($0)") })

  public static let accentContrast = MessageTemplate<String>(
    "site-accent-contrast", sample: "#88ccee",
    ja: { Wording("アクセント色 \($0) は背景とのコントラストが 4.5:1 未満で、読みにくくなります", hint: "もっと濃い色にしてください") },
    en: { Wording("accent \($0) has contrast below 4.5:1 against the page", hint: "choose a darker colour") })

  /// `reason` says which site folder the facilitator edition would land in, in both languages.
  public static let facilitatorOutput = MessageTemplate<Bilingual>(
    "site-facilitator-output",
    sample: Bilingual(ja: "site は公開サイト site/ の中です", en: "site is inside the public site folder site/"),
    ja: {
      Wording(
        "\($0.ja.message)。ファシリテーター用の解答やメモが公開されてしまいます",
        hint:
          "ファシリテーター用はサイトのフォルダーの外（既定は private/facilitator-site/）に書き出すか、kenshu.xml の <site publish-facilitator=\"true\"> で意図して公開してください"
      )
    },
    en: {
      Wording(
        "\($0.en.message) (answer keys and notes would be published)",
        hint:
          "write the facilitator edition outside every site folder, e.g. the default private/facilitator-site/, "
          + "or publish it on purpose with <site publish-facilitator=\"true\"> in kenshu.xml")
    })

  public static let noDefinitions = MessageTemplate<Void>(
    "no-definitions", sample: (),
    ja: { Wording("定義がありません（curricula/*.xml が必要です）", hint: "kenshu init で作れます") },
    en: { Wording("no definitions found (expected curricula/*.xml)", hint: "run kenshu init") })

  public static let siteWriteFailed = MessageTemplate<String>(
    "site-write-failed", sample: "No space left on device",
    ja: { Wording("サイトを書き出せませんでした（\($0)）", hint: "空き容量と書き込み権限を確かめてください") },
    en: { Wording("could not write the site: \($0)") })

  public static let zipFailed = MessageTemplate<String>(
    "site-zip-failed", sample: "No space left on device",
    ja: { Wording("zip ファイルを書き出せませんでした（\($0)）", hint: "空き容量と書き込み権限を確かめてください") },
    en: { Wording("could not write the zip: \($0)") })

  static let siteEntries: [CatalogueEntry] = [
    duplicatePage.entry, siteUnknownSurvey.entry, siteUnknownModule.entry, siteContentOutside.entry,
    siteContentMissing.entry, siteContentEncoding.entry, assetUnreadable.entry, templateInvalid.entry,
    accentInvalid.entry, accentContrast.entry, facilitatorOutput.entry, noDefinitions.entry,
    siteWriteFailed.entry, zipFailed.entry,
  ]
}
