import Foundation
import KenshuModel
import KenshuQR

/// Printable A4 answer slips for one survey's one-time tokens: per person their name, their
/// participant id, a QR code of their link (`<site>surveys/ID/?t=TOKEN`), the link
/// written out and the code to type, grouped for reading aloud. The survey form takes the code
/// from the link and removes it from the address bar at once (docs/collect.md).
///
/// The page holds secrets (each slip opens its person's answer): it is written under `private/`
/// and has no script and no external resource, so opening it sends nothing anywhere.
public struct TokenSlips: Sendable {
  /// One person's slip.
  public struct Slip: Sendable, Equatable {
    public var participant: String
    public var name: String
    public var token: String

    public init(participant: String, name: String, token: String) {
      self.participant = participant
      self.name = name
      self.token = token
    }
  }

  public var surveyID: String
  public var surveyTitle: String
  /// The published site's address, ending in `/`.
  public var siteURL: String
  public var slips: [Slip]
  /// `ja` or `en`: the words on the slips.
  public var language: String

  public init(surveyID: String, surveyTitle: String, siteURL: String, slips: [Slip], language: String = "ja")
  {
    self.surveyID = surveyID
    self.surveyTitle = surveyTitle
    self.siteURL = siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
    self.slips = slips
    self.language = language
  }

  /// Whether `text` can be the site's address on the slips: an absolute http(s) URL.
  public static func isSiteURL(_ text: String) -> Bool {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false
    else {
      return false
    }
    return scheme == "https" || scheme == "http"
  }

  /// The link a slip's QR code opens: the survey's folder with the token alone in the query
  /// (percent-encoded). The server knows whose token it is, so the link names nobody: a
  /// glimpse of it or of its QR code does not say who answers.
  public func link(for slip: Slip) -> String {
    let folder = SiteLayout.survey(surveyID).replacingOccurrences(of: "index.html", with: "")
    return siteURL + folder + "?t=" + Self.queryValue(slip.token)
  }

  /// The token in groups of five (`ABCDE-FGHIJ-…`; printed in capitals): the server ignores case,
  /// hyphens and spaces.
  public static func grouped(_ token: String) -> String {
    var groups: [Substring] = []
    var rest = Substring(token)
    while !rest.isEmpty {
      groups.append(rest.prefix(5))
      rest = rest.dropFirst(5)
    }
    return groups.joined(separator: "-")
  }

  static func queryValue(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics.intersection(
      CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
  }

  /// The slips page: eight slips to an A4 sheet (two columns, four rows), with cut lines.
  public func html() throws(QRCode.Failure) -> String {
    let english = language.lowercased().hasPrefix("en")
    let words =
      english
      ? (
        title: "Answer slips", participant: "Participant ID", code: "Answer code",
        scan: "Scan the QR code, or open the address and type the code.",
        keep: "Personal: hand to this person only."
      )
      : (
        title: "回答用紙（回答コード）", participant: "受講者ID", code: "回答コード",
        scan: "QR コードを読み取るか、アドレスを開いて回答コードを入力してください。", keep: "本人以外に渡さないでください。"
      )
    var cards = ""
    for slip in slips {
      let link = link(for: slip)
      let qr = try QRCode(link).svg(label: link, size: "32mm")
      cards += """
        <section class="slip">
        <h2>\(Markup.escape(slip.name.isEmpty ? slip.participant : slip.name))</h2>
        <p class="survey">\(Markup.escape(surveyTitle))</p>
        \(qr)
        <dl>
        <dt>\(words.participant)</dt><dd class="id">\(Markup.escape(slip.participant))</dd>
        <dt>\(words.code)</dt><dd class="code">\(Markup.escape(Self.grouped(slip.token.uppercased())))</dd>
        </dl>
        <p class="link">\(Markup.escape(link))</p>
        <p class="note">\(words.scan) \(words.keep)</p>
        </section>

        """
    }
    return """
      <!DOCTYPE html>
      <html lang="\(english ? "en" : "ja")">
      <head>
      <meta charset="utf-8">
      <meta name="robots" content="noindex">
      <meta name="referrer" content="no-referrer">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
      <title>\(words.title) — \(Markup.escape(surveyTitle))</title>
      <style>
      @page { size: A4; margin: 10mm; }
      body { font-family: "Noto Sans CJK JP", "Hiragino Sans", sans-serif; margin: 0; color: #000; }
      h1 { font-size: 12pt; margin: 0 0 4mm; }
      .sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
      .slip { box-sizing: border-box; height: 66mm; padding: 4mm 5mm; border: 1px dashed #666;
        break-inside: avoid; page-break-inside: avoid; overflow: hidden; position: relative; }
      .slip h2 { font-size: 13pt; margin: 0; }
      .slip .survey { font-size: 9pt; margin: 0 0 2mm; }
      .slip svg { float: right; margin-left: 3mm; }
      .slip dl { margin: 0; font-size: 10pt; }
      .slip dt { font-size: 8pt; color: #333; }
      .slip dd { margin: 0 0 1.5mm; }
      .slip .code { font-family: ui-monospace, "Noto Sans Mono CJK JP", monospace; font-size: 12pt; letter-spacing: 0.05em; }
      .slip .link { clear: both; font-size: 7pt; word-break: break-all; margin: 1mm 0; }
      .slip .note { font-size: 7.5pt; margin: 0; }
      </style>
      </head>
      <body>
      <h1>\(words.title) — \(Markup.escape(surveyTitle))（\(slips.count)）</h1>
      <div class="sheet">
      \(cards)</div>
      </body>
      </html>

      """
  }
}
