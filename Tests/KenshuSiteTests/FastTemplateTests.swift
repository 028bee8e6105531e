import Foundation
import KenshuModel
import Mustache
import Testing

@testable import KenshuSite

@Suite struct FastTemplateTests {
  @Test func test_everyBuiltInTemplate_compilesForTheFastRenderer() throws {
    var diagnostics: [Diagnostic] = []
    let theme = Theme.load(projectRoot: URL(fileURLWithPath: "/nonexistent"), diagnostics: &diagnostics)
    #expect(Set(theme.fastTemplates.keys) == Set(Theme.templateNames))
  }

  @Test func test_unsupportedTags_doNotCompile_soSwiftMustacheRendersThem() {
    for template in [
      "{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT}}", "{{<parent}}{{/parent}}", "{{$block}}x{{/block}}",
      "  {{> indented}}\n", "{{#first(list)}}x{{/first(list)}}", "{{> *dynamic}}",
      "{{#empty()}}x{{/empty()}}",
    ] {
      #expect(FastTemplate(template) == nil, "\(template)")
    }
  }

  @Test func test_templateUsingAPartialThatFallsBack_fallsBackToo() {
    let compiled: [String: FastTemplate?] = [
      "page": FastTemplate("{{> header}}x"), "header": FastTemplate("{{=<% %>=}}"),
      "alone": FastTemplate("{{a}}"),
      "outer": FastTemplate("{{> page}}"),
    ]
    #expect(Set(Theme.completeFastTemplates(compiled).keys) == ["alone"])
  }

  @Test func test_projectTemplateWithUnsupportedTags_stillRendersThroughSwiftMustache() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-fast-\(UUID())")
    let templates = root.appendingPathComponent("theme/templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try "{{=<% %>=}}<h1><% title %></h1>".write(
      to: templates.appendingPathComponent("search.mustache"), atomically: true, encoding: .utf8)
    var diagnostics: [Diagnostic] = []
    let theme = Theme.load(projectRoot: root, diagnostics: &diagnostics)
    #expect(diagnostics.isEmpty)
    #expect(theme.fastTemplates["search"] == nil)
    #expect(theme.render("search", ["title": "<検索>"]) == "<h1>&lt;検索&gt;</h1>")
  }

  @Test func test_valuesOfOtherKinds_fallBack() {
    struct Person { var name = "x" }
    let template = FastTemplate("{{#p}}{{name}}{{/p}}")
    #expect(template != nil)
    #expect(template?.render(["p": Person()], partials: [:]) == nil)
  }

  /// Deterministic pseudo-random numbers (SplitMix64).
  struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int((z ^ (z >> 31)) % UInt64(bound))
    }
  }

  static let names = [
    "a", "b", "list", "flag", "off", "n", "text", "empty", "d", "d.a", "d.list", ".", "missing", ".a", "t",
    "t.a",
    "t.b", "d.t.a",
  ]

  /// A generated template; the partial's own text has no partial tags (a partial that renders
  /// itself would recurse without end in both engines).
  static func template(_ random: inout SplitMix, depth: Int = 0, partials: Bool = true) -> String {
    var out = ""
    for _ in 0..<(1 + random.next(6)) {
      let name = names[random.next(names.count)]
      switch random.next(depth < 3 ? 14 : 10) {
      case 0: out += ["x", " ", "\t", "<p>", "é"][random.next(5)]
      case 1: out += ["\n", "\r\n", "  \n", "\n  "][random.next(4)]
      case 2: out += "{{\(name)}}"
      case 3: out += "{{{\(name)}}}"
      case 4: out += "{{& \(name) }}"
      case 5: out += "{{! a comment }}"
      case 6: out += ["\n{{! c }}\n", "  {{! c }}  \n"][random.next(2)]
      case 7: out += "{{empty(\(name))}}"
      case 8 where partials: out += random.next(2) == 0 ? "\n{{> part}}\n" : "{{> part}}"
      case 8: out += "y"
      case 9: out += "{ {x} }"
      default:
        let tag = random.next(3) == 0 ? "^" : "#"
        let sectionName = random.next(4) == 0 ? "empty(\(name == "." ? "list" : name))" : name
        let standalone = random.next(2) == 0
        let indent = ["", "  ", "\t"][random.next(3)]
        let body = template(&random, depth: depth + 1, partials: partials)
        if standalone {
          out += "\n\(indent){{\(tag)\(sectionName)}}\n\(body)\n\(indent){{/\(sectionName)}}\n"
        } else {
          out += "{{\(tag)\(sectionName)}}\(body){{/\(sectionName)}}"
        }
      }
    }
    return out
  }

  static func context(_ random: inout SplitMix, depth: Int = 0) -> [String: Any] {
    let texts = ["<b>&\"'</b>", "", "看護師", "a\"\u{301}", "1 < 2", "x"]
    var context: [String: Any] = [:]
    for key in ["a", "b", "text", "n", "flag", "off", "list", "d", "empty", "t"] where random.next(5) != 0 {
      switch key {
      case "flag": context[key] = true
      case "off": context[key] = false
      case "n": context[key] = random.next(3) == 0 ? 2.5 : random.next(100)
      case "list":
        context[key] =
          depth < 2
          ? (0..<random.next(3)).map { _ in self.context(&random, depth: depth + 1) }
          : [String](repeating: texts[random.next(texts.count)], count: random.next(3))
      case "d": if depth < 2 { context[key] = self.context(&random, depth: depth + 1) }
      case "empty": context[key] = [String]()
      case "t": context[key] = ["a": "<i>UI</i>", "b": ""] as [String: String]
      default: context[key] = texts[random.next(texts.count)]
      }
    }
    return context
  }

  @Test(arguments: 0..<8)
  func test_rendersExactlyWhatSwiftMustacheRenders(seed: Int) throws {
    var random = SplitMix(state: UInt64(seed) &* 7919)
    var compared = 0
    for _ in 0..<400 {
      let text = Self.template(&random)
      let partialText = Self.template(&random, depth: 2, partials: false)
      let context = Self.context(&random)
      var library = MustacheLibrary()
      guard let reference = try? MustacheTemplate(string: Theme.withKenshuEscaping(text)),
        let referencePartial = try? MustacheTemplate(string: Theme.withKenshuEscaping(partialText))
      else { continue }
      library.register(reference, named: "page")
      library.register(referencePartial, named: "part")
      guard let fast = FastTemplate(text), let fastPartial = FastTemplate(partialText) else { continue }
      guard let rendered = fast.render(context, partials: ["part": fastPartial]) else { continue }
      let expected = library.render(context, withTemplate: "page")
      #expect(
        rendered == expected, "template: \(text.debugDescription)\npartial: \(partialText.debugDescription)")
      if rendered != expected { return }
      compared += 1
    }
    // The rest use what falls back (indented partials, values of other kinds) or do not parse.
    #expect(compared > 200)
  }
}
