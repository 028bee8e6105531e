import KenshuModel

/// Decides whether an SVG file is inert: nothing in it can run script or fetch anything when a
/// browser opens it directly from the site's origin.
///
/// Parsed with libxml2 through `readXML` (no DTD, no entities, no network). Refused, each at
/// its line and column (`content-svg-active`):
/// - `<script>`, `<foreignObject>` (which embeds HTML), `<iframe>`, `<embed>`, `<object>`,
///   `<handler>`, `<listener>`, in any namespace;
/// - every event-handler attribute (`on…`, any case);
/// - `href` / `xlink:href` (and `src`) pointing anywhere but a fragment of the same document
///   (`#id`), except raster images embedded as `data:image/png|jpeg|gif|webp`;
/// - animation (`<set>`, `<animate>`) of `href` or of an event handler;
/// - `url(…)` to anything but `#id`, or `@import`, in a `<style>` element, a `style` attribute or
///   a presentation attribute; `javascript:` anywhere in an attribute;
/// - an `<?xml-stylesheet?>` processing instruction.
/// A file that is not well-formed XML is refused with the parser's messages.
public enum SVGInspection {
  static let forbiddenElements: Set<String> = [
    "script", "foreignobject", "iframe", "embed", "object", "handler", "listener",
  ]
  static let rasterDataPrefixes = [
    "data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif", "data:image/webp",
  ]

  /// Every reason the SVG in `bytes` may not be published; empty when it is inert.
  public static func problems(in bytes: [UInt8], path: String) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    if let line = lineOf("<?xml-stylesheet", in: bytes) {
      problems.append(
        refusal(
          at: SourceLocation(file: path, line: line, column: 1),
          Bilingual(ja: "<?xml-stylesheet?> 命令", en: "an <?xml-stylesheet?> instruction")))
    }
    let parsed = readXML(bytes, path: path)
    guard let root = parsed.root, !parsed.diagnostics.hasErrors else {
      let reasons = parsed.diagnostics.filter { $0.severity == .error }
      for reason in reasons {
        problems.append(.error(Catalogue.svgNotWellFormed, reason.bilingual, at: reason.location))
      }
      if reasons.isEmpty {
        problems.append(
          refusal(
            at: SourceLocation(file: path), Bilingual(ja: "読めるルート要素がないこと", en: "no readable root element")))
      }
      return problems
    }
    inspect(root, into: &problems)
    return problems
  }

  private static func inspect(_ element: XMLElement, into problems: inout [Diagnostic]) {
    let name = element.name.lowercased()
    if forbiddenElements.contains(name) {
      problems.append(
        refusal(
          at: element.location, Bilingual(ja: "<\(element.name)> 要素", en: "a <\(element.name)> element")))
    }
    for attribute in element.attributes {
      let attributeName = attribute.name.lowercased()
      let value = attribute.value
      let compact = String(value.unicodeScalars.filter { !$0.properties.isWhitespace && $0.value >= 0x20 })
        .lowercased()
      if attributeName.hasPrefix("on") {
        problems.append(
          refusal(
            at: attribute.location,
            Bilingual(
              ja: "イベントハンドラー属性 \(attribute.name)", en: "an event handler attribute \(attribute.name)")))
      } else if attributeName == "href" || attributeName == "src" {
        if !isLocalReference(value, element: name) {
          problems.append(
            refusal(
              at: attribute.location,
              Bilingual(
                ja: "外部参照 \(attribute.name)=\"\(value)\"",
                en: "an external reference \(attribute.name)=\"\(value)\"")))
        }
      } else if compact.contains("javascript:") {
        problems.append(
          refusal(
            at: attribute.location,
            Bilingual(ja: "\(attribute.name) の中の javascript:", en: "javascript: in \(attribute.name)")))
      } else if (name == "set" || name.hasPrefix("animate")) && attributeName == "attributename" {
        let target = compact.split(separator: ":").last.map(String.init) ?? compact
        if target == "href" || target.hasPrefix("on") {
          problems.append(
            refusal(
              at: attribute.location, Bilingual(ja: "\(value) のアニメーション", en: "an animation of \(value)")))
        }
      } else if let reason = styleProblem(compact) {
        problems.append(
          refusal(
            at: attribute.location,
            Bilingual(
              ja: "\(attribute.name) の中の\(reason.ja.message)", en: "\(reason.en.message) in \(attribute.name)"
            )))
      }
    }
    if name == "style", let reason = styleProblem(element.text.lowercased().filter { !$0.isWhitespace }) {
      problems.append(
        refusal(
          at: element.location,
          Bilingual(ja: "<style> の中の\(reason.ja.message)", en: "\(reason.en.message) in <style>")))
    }
    for child in element.children { inspect(child, into: &problems) }
  }

  /// `#id`, or a raster image embedded in an `<image>`.
  private static func isLocalReference(_ value: String, element: String) -> Bool {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    if trimmed.hasPrefix("#") { return true }
    return element == "image" && rasterDataPrefixes.contains { trimmed.hasPrefix($0) }
  }

  /// An `@import` or a `url(…)` that is not `url(#id)`, in CSS with white space removed.
  private static func styleProblem(_ css: String) -> Bilingual? {
    if css.contains("@import") { return Bilingual(ja: " @import", en: "@import") }
    var rest = Substring(css)
    while let open = rest.range(of: "url(") {
      let argument = rest[open.upperBound...].drop { $0 == "\"" || $0 == "'" }
      if !argument.hasPrefix("#") { return Bilingual(ja: "外部の url(…)", en: "an external url(…)") }
      rest = rest[open.upperBound...]
    }
    if css.contains("javascript:") { return Bilingual(ja: " javascript:", en: "javascript:") }
    return nil
  }

  private static func refusal(at location: SourceLocation, _ what: Bilingual) -> Diagnostic {
    .error(Catalogue.svgActive, what, at: location)
  }

  /// The 1-based line of the first occurrence of `needle` (ASCII), or nil.
  private static func lineOf(_ needle: String, in bytes: [UInt8]) -> Int? {
    let pattern = Array(needle.utf8)
    guard bytes.count >= pattern.count else { return nil }
    var line = 1
    for index in 0...(bytes.count - pattern.count) {
      if bytes[index] == 0x0A { line += 1 }
      if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return line }
    }
    return nil
  }
}
