/// The structure of a file against the schema (docs/diagnostics.md "Structure (schema)").
/// `subject` is an element as written, with its id: `<session> "gw1"`.
extension Catalogue {
  public static let rootNotInNamespace = MessageTemplate<(element: String, namespace: String)>(
    "wrong-namespace", sample: ("programme", "urn:kenshu:1"),
    ja: {
      Wording(
        "<\($0.element)> が Kenshu の名前空間にありません",
        hint: "ルート要素に xmlns=\"\($0.namespace)\" を書いてください")
    },
    en: {
      Wording(
        "<\($0.element)> is not in the Kenshu namespace",
        hint: "the root element needs xmlns=\"\($0.namespace)\"")
    })

  public static let childNotInNamespace = MessageTemplate<(element: String, namespace: String)>(
    "wrong-namespace", sample: ("title", "urn:kenshu:1"),
    ja: {
      Wording(
        "<\($0.element)> が Kenshu の名前空間にありません",
        hint: "ルート要素で xmlns=\"\($0.namespace)\" を宣言し、接頭辞を付けずに書いてください")
    },
    en: {
      Wording(
        "<\($0.element)> is not in the Kenshu namespace",
        hint: "declare xmlns=\"\($0.namespace)\" on the root element")
    })

  public static let unknownRoot = MessageTemplate<(element: String, roots: [String])>(
    "unknown-root", sample: ("timetable", ["<programme>", "<module>", "<survey>"]),
    ja: {
      Wording(
        "<\($0.element)> は Kenshu のファイルのルート要素にできません",
        hint: "\($0.roots.joined(separator: "、")) のどれかを使ってください")
    },
    en: {
      Wording(
        "<\($0.element)> cannot be the root of a Kenshu file",
        hint: "use one of " + $0.roots.joined(separator: ", "))
    })

  public static let unknownElement = MessageTemplate<
    (element: String, parent: String, suggestion: String?, allowed: [String])
  >(
    "unknown-element", sample: ("sesion", "<course> \"day1\"", "session", ["session"]),
    ja: { a in
      Wording(
        "<\(a.element)> は \(a.parent) の中に書けません",
        hint: a.suggestion.map { "<\($0)> の書き間違いではありませんか？" }
          ?? (a.allowed.isEmpty
            ? nil : "書ける要素: " + a.allowed.map { "<\($0)>" }.joined(separator: "、")))
    },
    en: { a in
      Wording(
        "<\(a.element)> is not allowed inside \(a.parent)",
        hint: a.suggestion.map { "did you mean <\($0)>?" }
          ?? (a.allowed.isEmpty ? nil : "allowed: " + a.allowed.map { "<\($0)>" }.joined(separator: ", ")))
    })

  public static let unknownAttribute = MessageTemplate<
    (subject: String, element: String, attribute: String, suggestion: String?, allowed: [String])
  >(
    "unknown-attribute", sample: ("<course> \"day1\"", "course", "strat", "start", ["id", "start"]),
    ja: { a in
      Wording(
        "\(a.subject) には属性 \(a.attribute) がありません",
        hint: a.suggestion.map { "\($0) の書き間違いではありませんか？" }
          ?? (a.allowed.isEmpty
            ? "<\(a.element)> には属性を書けません" : "使える属性: " + a.allowed.joined(separator: "、")))
    },
    en: { a in
      Wording(
        "\(a.subject) has no attribute '\(a.attribute)'",
        hint: a.suggestion.map { "did you mean '\($0)'?" }
          ?? (a.allowed.isEmpty
            ? "<\(a.element)> takes no attributes" : "allowed: \(a.allowed.joined(separator: ", "))"))
    })

  public static let missingAttribute = MessageTemplate<
    (subject: String, attribute: String, example: String?)
  >(
    "missing-attribute", sample: ("<session> \"gw1\"", "duration", "PT60M"),
    ja: { a in
      let name = Catalogue.japaneseName(ofAttribute: a.attribute)
      return Wording(
        name.map { "\(a.subject) に\($0)がありません" } ?? "\(a.subject) に属性 \(a.attribute) がありません",
        hint: a.example.map { "例: \(a.attribute)=\"\($0)\"" } ?? "\(a.attribute)=\"…\" を書いてください")
    },
    en: { a in
      let article = "aeiou".contains(a.attribute.first ?? "x") ? "an" : "a"
      return Wording(
        "\(a.subject) needs \(article) \(a.attribute)",
        hint: a.example.map { "e.g. \(a.attribute)=\"\($0)\"" })
    })

  public static let missingElement = MessageTemplate<(subject: String, child: String)>(
    "missing-element", sample: ("<session> \"lec\"", "title"),
    ja: {
      Wording("\($0.subject) に <\($0.child)> がありません", hint: "<\($0.child)>…</\($0.child)> を書いてください")
    },
    en: { Wording("\($0.subject) needs a <\($0.child)>", hint: "add <\($0.child)>…</\($0.child)>") })

  public static let duplicateElement = MessageTemplate<(subject: String, child: String)>(
    "duplicate-element", sample: ("<session> \"lec\"", "title"),
    ja: {
      Wording("\($0.subject) に <\($0.child)> は一つしか書けません", hint: "一つにまとめてください")
    },
    en: { Wording("\($0.subject) can have only one <\($0.child)>", hint: "merge them into one") })

  public static let invalidValue = MessageTemplate<
    (subject: String, attribute: String, value: String, allowed: [String], suggestion: String?)
  >(
    "invalid-value", sample: ("<session> \"lec\"", "kind", "lectur", ["opening", "lecture"], "lecture"),
    ja: { a in
      Wording(
        "\(a.subject): \(a.attribute) の値 \"\(a.value)\" は使えません（使える値: \(a.allowed.joined(separator: "、"))）",
        hint: a.suggestion.map { "\"\($0)\" の書き間違いではありませんか？" })
    },
    en: { a in
      Wording(
        "\(a.subject): \(a.attribute) \"\(a.value)\" is not one of \(a.allowed.joined(separator: ", "))",
        hint: a.suggestion.map { "did you mean \"\($0)\"?" })
    })

  public static let unexpectedText = MessageTemplate<(subject: String, text: String, hasChildren: Bool)>(
    "unexpected-text", sample: ("<groups>", "6人", false),
    ja: {
      Wording(
        "\($0.subject) の中には文章を書けません（\"\($0.text)\"）",
        hint: $0.hasChildren ? "文章は子要素の中に書いてください" : "値は属性に書いてください")
    },
    en: {
      Wording(
        "\($0.subject) cannot contain text (\"\($0.text)\")",
        hint: $0.hasChildren ? "put text inside a child element" : nil)
    })

  /// A RELAX NG message Kenshu has no plain-language version of, quoted.
  public static let schemaMessage = MessageTemplate<String>(
    "schema", sample: "Did not expect element title there",
    ja: {
      Wording(
        "スキーマに合わない書き方です（検証の報告: \($0)）", hint: "その要素のリファレンス（docs/reference/）と見比べてください")
    },
    en: { Wording($0) })

  public static let embeddedSchemaMissing = MessageTemplate<Void>(
    "schema-missing", sample: (),
    ja: {
      Wording(
        "Kenshu に組み込まれたスキーマを読めないため、どのファイルも検証していません",
        hint: "Kenshu を入れ直してください（リソースが欠けています）")
    },
    en: {
      Wording(
        "Kenshu's embedded schema could not be read, so no file was validated",
        hint: "reinstall Kenshu; its resource bundle is missing")
    })

  public static let schemaEmpty = MessageTemplate<Void>(
    "schema-missing", sample: (),
    ja: { Wording("スキーマが空か、見つかりません") },
    en: { Wording("the schema is empty or missing") })

  static let structureEntries: [CatalogueEntry] = [
    rootNotInNamespace.entry, childNotInNamespace.entry, unknownRoot.entry, unknownElement.entry,
    unknownAttribute.entry, missingAttribute.entry, missingElement.entry, duplicateElement.entry,
    invalidValue.entry, unexpectedText.entry, schemaMessage.entry, embeddedSchemaMissing.entry,
    schemaEmpty.entry,
  ]
}
