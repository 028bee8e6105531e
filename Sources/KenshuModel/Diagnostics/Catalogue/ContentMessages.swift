/// Files under content/: encoding, what may be published, and the links and images of Markdown
/// (docs/diagnostics.md "References", "Content files", "Markdown links and images").
extension Catalogue {
  public static let contentNotUTF8 = MessageTemplate<(path: String, owner: String, byte: String)>(
    "content-not-utf8", sample: ("cases/a.md", "<session> \"lec\"", "8D"),
    ja: {
      Wording(
        "ファイル \"\($0.path)\"（\($0.owner)）が UTF-8 ではありません（0x\($0.byte) のバイトを文字として読めません）",
        hint: "UTF-8 で保存し直してください。例: iconv -f SHIFT_JIS -t UTF-8 in.md > out.md")
    },
    en: {
      Wording(
        "content file \"\($0.path)\" (\($0.owner)) is not UTF-8: byte 0x\($0.byte) cannot start or continue a character",
        hint: "save it as UTF-8 (e.g. iconv -f SHIFT_JIS -t UTF-8 in.md > out.md)")
    })

  public static let contentLinkOutside = MessageTemplate<(path: String, target: String)>(
    "content-link-outside", sample: ("x/leak.txt", "../../private/responses.sqlite"),
    ja: {
      Wording(
        "シンボリックリンク \($0.path) が content/ の外（\($0.target)）を指しています",
        hint: "ファイルを content/ にコピーしてください。content/ の外を指すリンクは公開しません")
    },
    en: {
      Wording(
        "symbolic link \($0.path) points outside content/ (to \($0.target))",
        hint: "copy the file into content/ instead; links that leave content/ are never published")
    })

  public static let contentActiveFile = MessageTemplate<(path: String, fileExtension: String)>(
    "content-active-file", sample: ("day1/page.html", "html"),
    ja: {
      Wording(
        "\($0.path) はブラウザーでスクリプトを実行できる形式（.\($0.fileExtension)）のため公開しません",
        hint: "ページは Markdown で書くか、別の場所で公開してリンクしてください")
    },
    en: {
      Wording(
        "\($0.path): .\($0.fileExtension) files can run script on the site and are not published",
        hint: "write the page in Markdown, or publish the file elsewhere and link to it")
    })

  /// `what` is what was found, in both languages (`an event handler attribute onload`).
  public static let svgActive = MessageTemplate<Bilingual>(
    "content-svg-active",
    sample: Bilingual(ja: "イベントハンドラー属性 onload", en: "an event handler attribute onload"),
    ja: {
      Wording(
        "SVG に\($0.ja.message)があるため公開しません",
        hint: "スクリプト・イベントハンドラー・foreignObject・外部参照を取り除いてください。href に書けるのは #id だけです")
    },
    en: {
      Wording(
        "SVG holds \($0.en.message) and is not published",
        hint: "remove scripts, event handlers, foreignObject and external references (href only to #id)")
    })

  public static let svgNotWellFormed = MessageTemplate<Bilingual>(
    "content-svg-active", sample: Bilingual(ja: "ルート要素がありません", en: "the document has no root element"),
    ja: {
      Wording(
        "SVG を XML として読めないため公開しません: \($0.ja.message)",
        hint: $0.ja.hint ?? "DOCTYPE やエンティティを含めずに、プレーン SVG として保存し直してください")
    },
    en: {
      Wording(
        "SVG is not well-formed XML and is not published: \($0.en.message)",
        hint: $0.en.hint ?? "save it again as plain SVG (no DOCTYPE, no entities)")
    })

  /// `inline`: the Markdown is written inside an XML element, whose relative paths start from
  /// `content/` (a file's start from the file's folder).
  public static let markdownImageMissing = MessageTemplate<(target: String, expected: String, inline: Bool)>(
    "markdown-image-missing", sample: ("images/map.png", "content/day1/images/map.png", false),
    ja: {
      Wording(
        "画像 \"\($0.target)\" がありません",
        hint: "\($0.expected) に画像を置くか、" + ($0.inline ? "content/ からの相対パスに直してください" : "このファイルからの相対パスを直してください"))
    },
    en: {
      Wording(
        "image \"\($0.target)\" does not exist",
        hint: "expected at \($0.expected); add it, or fix the path (relative to "
          + ($0.inline ? "content/)" : "this Markdown file)"))
    })

  /// `inline` as for `markdownImageMissing`.
  public static let markdownLinkMissing = MessageTemplate<(target: String, expected: String, inline: Bool)>(
    "markdown-link-missing", sample: ("../x/nothere.md", "content/x/nothere.md", false),
    ja: {
      Wording(
        "リンク先 \"\($0.target)\" がありません",
        hint: "\($0.expected) にファイルを置くか、" + ($0.inline ? "content/ からの相対パスに直してください" : "このファイルからの相対パスを直してください")
      )
    },
    en: {
      Wording(
        "link target \"\($0.target)\" does not exist",
        hint: "expected at \($0.expected); add it, or fix the path (relative to "
          + ($0.inline ? "content/)" : "this Markdown file)"))
    })

  public static let markdownTargetOutside = MessageTemplate<String>(
    "markdown-link-outside", sample: "../../private/roster.csv",
    ja: {
      Wording(
        "リンク先 \"\($0)\" が content フォルダーの外にあるため、サイトでは開けません",
        hint: "ファイルを content/ に置いてリンクするか、https:// の URL にしてください")
    },
    en: {
      Wording(
        "\"\($0)\" is outside the content folder, so the link would not work on the site",
        hint: "put the file under content/ and link to it there, or use an https:// URL")
    })

  static let contentEntries: [CatalogueEntry] = [
    contentNotUTF8.entry, contentLinkOutside.entry, contentActiveFile.entry, svgActive.entry,
    svgNotWellFormed.entry, markdownImageMissing.entry, markdownLinkMissing.entry,
    markdownTargetOutside.entry,
  ]
}
