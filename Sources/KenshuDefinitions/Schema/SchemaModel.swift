import Foundation
import KenshuModel
import KenshuXML

/// One attribute an element may carry, as declared in the schema.
public struct AttributeSpec: Sendable, Hashable {
  public var name: String
  public var required: Bool
  /// Allowed values when the schema enumerates them.
  public var values: [String]?
  public var documentation: String
  public var example: String?
}

/// One element of the language, as declared in the schema (one `<define>` each).
public struct ElementSpec: Sendable, Hashable {
  /// Name of the schema `define` (unique; elements with the same name in different places,
  /// such as `question`, have different defines).
  public var define: String
  public var name: String
  public var japaneseName: String?
  public var documentation: String
  public var attributes: [AttributeSpec]
  /// Defines of the child elements allowed inside.
  public var children: [String]
  /// Defines of the children that must appear at least once.
  public var requiredChildren: Set<String> = []
  /// Defines of the children that may appear more than once.
  public var repeatableChildren: Set<String> = []
  /// Whether the element has text content.
  public var allowsText: Bool

  public func attribute(_ name: String) -> AttributeSpec? { attributes.first { $0.name == name } }
}

/// The course-definition language as the loader and the reference docs see it, read from the
/// RELAX NG schema itself so that neither can drift from it.
public struct SchemaModel: Sendable {
  public var elements: [String: ElementSpec]
  /// Defines allowed as the root element of a file.
  public var roots: [String]

  /// Parent define ("" for the roots) → child element name → child define, so the structure
  /// check finds a child's spec with two hash lookups instead of scanning and copying specs.
  private var childDefines: [String: [String: String]] = [:]

  /// The spec for a child element named `name` inside the element of define `parent`
  /// (or a root element when `parent` is nil).
  public func spec(forChild name: String, of parent: String?) -> ElementSpec? {
    if let define = childDefines[parent ?? ""]?[name] { return elements[define] }
    // A miss (an element the parent does not allow, or `elements` changed after init) searches.
    let candidates = parent.flatMap { elements[$0]?.children } ?? roots
    return candidates.lazy.compactMap { elements[$0] }.first { $0.name == name }
  }

  private static func childIndex(elements: [String: ElementSpec], roots: [String]) -> [String: [String:
    String]]
  {
    var index: [String: [String: String]] = [:]
    func add(_ children: [String], under parent: String) {
      var byName: [String: String] = [:]
      // The first define with a name wins, as in the linear search.
      for define in children {
        if let name = elements[define]?.name, byName[name] == nil { byName[name] = define }
      }
      index[parent] = byName
    }
    add(roots, under: "")
    for (define, spec) in elements { add(spec.children, under: define) }
    return index
  }

  /// Every element spec, ordered by define name.
  public var allElements: [ElementSpec] { elements.values.sorted { $0.define < $1.define } }

  /// Reads the schema's conventions (see the comment at the top of `kenshu.rng`).
  public init(schemaText bytes: [UInt8]) {
    let parsed = readXML(bytes, path: "kenshu.rng")
    guard let grammar = parsed.root else {
      elements = [:]
      roots = []
      return
    }
    var defines: [String: KenshuXML.XMLElement] = [:]
    for define in grammar.children(named: "define") {
      if let name = define.attribute("name") { defines[name] = define }
    }
    var elements: [String: ElementSpec] = [:]
    for (defineName, define) in defines {
      guard let element = define.children.first, element.name == "element",
        let elementName = element.attribute("name")
      else { continue }
      var spec = ElementSpec(
        define: defineName, name: elementName, japaneseName: element.attribute("ja"),
        documentation: element.child(named: "documentation")?.normalizedText ?? "",
        attributes: [], children: [], allowsText: false)
      SchemaModel.collect(element.children, required: true, repeatable: false, into: &spec, defines: defines)
      elements[defineName] = spec
    }
    self.elements = elements
    roots =
      grammar.child(named: "start")?.children.flatMap { node in
        (node.name == "choice" ? node.children : [node]).compactMap { $0.attribute("name") }
      } ?? []
    childDefines = Self.childIndex(elements: elements, roots: roots)
  }

  private static func collect(
    _ nodes: [KenshuXML.XMLElement], required: Bool, repeatable: Bool, into spec: inout ElementSpec,
    defines: [String: KenshuXML.XMLElement]
  ) {
    for node in nodes {
      switch node.name {
      case "attribute":
        guard let name = node.attribute("name") else { continue }
        let values = node.child(named: "choice")?.children(named: "value").map(\.normalizedText)
        spec.attributes.append(
          AttributeSpec(
            name: name, required: required, values: values,
            documentation: node.child(named: "documentation")?.normalizedText ?? "",
            example: node.attribute("example")))
      case "optional":
        collect(node.children, required: false, repeatable: repeatable, into: &spec, defines: defines)
      case "zeroOrMore":
        collect(node.children, required: false, repeatable: true, into: &spec, defines: defines)
      case "oneOrMore":
        collect(node.children, required: required, repeatable: true, into: &spec, defines: defines)
      case "interleave", "group":
        collect(node.children, required: required, repeatable: repeatable, into: &spec, defines: defines)
      case "choice":
        // Alternatives are not individually required.
        collect(node.children, required: false, repeatable: repeatable, into: &spec, defines: defines)
      case "mixed":
        spec.allowsText = true
        collect(node.children, required: required, repeatable: repeatable, into: &spec, defines: defines)
      case "text":
        spec.allowsText = true
      case "ref":
        guard let target = node.attribute("name"), let define = defines[target] else { continue }
        if define.children.first?.name == "element" {
          spec.children.append(target)
          if required { spec.requiredChildren.insert(target) }
          if repeatable { spec.repeatableChildren.insert(target) }
        } else {
          collect(define.children, required: required, repeatable: repeatable, into: &spec, defines: defines)
        }
      default:
        continue
      }
    }
  }
}

/// The schema shipped inside the binary.
public enum EmbeddedSchema {
  /// The RELAX NG text of the course-definition language.
  public static let bytes: [UInt8] = {
    if let bytes = besideExecutable() { return bytes }
    guard let url = Bundle.module.url(forResource: "kenshu", withExtension: "rng"),
      let data = try? Data(contentsOf: url)
    else { return [] }
    return [UInt8](data)
  }()

  /// The schema from the resource folder SwiftPM puts next to the executable, which is where
  /// `Bundle.module` looks first. Creating the bundles lists the executable's whole folder
  /// (twice), a millisecond or more before the first file is read; reading the one file
  /// directly skips that. Elsewhere (macOS app bundles, tests) `Bundle.module` decides.
  private static func besideExecutable() -> [UInt8]? {
    #if os(Linux)
      guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
      else { return nil }
      let url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        .appendingPathComponent("Kenshu_KenshuDefinitions.resources/kenshu.rng")
      guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
      return [UInt8](data)
    #else
      return nil
    #endif
  }

  /// The language model derived from the schema.
  public static let model = SchemaModel(schemaText: bytes)
}
