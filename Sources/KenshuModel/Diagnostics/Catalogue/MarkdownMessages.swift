/// How Markdown is written: accessibility, markup the site will not apply, headings that repeat
/// the page, and links that would show learners facilitator material (docs/markdown.md).
extension Catalogue {
  public static let markdownImageNoAlt = MessageTemplate<String>(
    "markdown-image-no-alt", sample: "images/map.png",
    ja: {
      Wording(
        "画像 \"\($0)\" に代替テキストがありません。画面読み上げを使う人には何の画像か伝わりません",
        hint: "![会場までの地図](\($0)) のように、[ ] の中に画像の説明を書いてください")
    },
    en: {
      Wording(
        "image \"\($0)\" has no alt text: people using a screen reader are not told what it shows",
        hint: "describe it inside the brackets: ![map to the venue](\($0))")
    })

  public static let markdownRawHTML = MessageTemplate<String>(
    "markdown-raw-html", sample: "<br>",
    ja: {
      Wording(
        "HTML のタグ \($0) はページでは働かず、書いたとおりの文字として表示されます",
        hint: "改行や強調などは Markdown で書いてください（docs/markdown.md「Raw HTML is shown, not run」）")
    },
    en: {
      Wording(
        "the HTML tag \($0) is not applied: the page shows it as text, exactly as written",
        hint: "use Markdown for formatting (docs/markdown.md, \"Raw HTML is shown, not run\")")
    })

  public static let markdownHeadingRepeatsTitle = MessageTemplate<String>(
    "markdown-heading-repeats-title", sample: "研修の目的",
    ja: {
      Wording(
        "最初の見出し「\($0)」はページの見出しと同じなので、ページに同じ見出しが二つ続けて表示されます",
        hint: "この見出しの行を削除するか、内容を表す別の見出しにしてください")
    },
    en: {
      Wording(
        "the first heading \"\($0)\" repeats the heading the page already shows, so it appears twice in a row",
        hint: "delete the heading line, or give it a heading of its own")
    })

  public static let markdownLinkFacilitator = MessageTemplate<String>(
    "markdown-link-facilitator", sample: "day1/case-key.md",
    ja: {
      Wording(
        "受講者向けのページから、ファシリテーター用の資料 \($0) にリンクしています",
        hint: "受講者に見せてよい資料なら別のファイルにし、そうでなければリンクを削除してください")
    },
    en: {
      Wording(
        "a page for learners links to facilitator material (\($0))",
        hint: "remove the link, or put what learners may see in a file of its own")
    })

  static let markdownEntries: [CatalogueEntry] = [
    markdownImageNoAlt.entry, markdownRawHTML.entry, markdownHeadingRepeatsTitle.entry,
    markdownLinkFacilitator.entry,
  ]
}
