import KenshuModel

/// A Mustache template compiled for the contexts Kenshu builds (`[String: Any]` dictionaries,
/// arrays, strings, numbers, booleans), rendering exactly what swift-mustache renders for them.
///
/// Why: swift-mustache resolves every `{{name}}` through a chain of protocol casts
/// (`MustacheParent`, `MustacheCustomRenderable`, `MustacheLambda`, `AnyOptional`, …) and splits
/// the name on every use; on a 10,000-session site that was a third of the build's CPU time.
/// Here names are split once, at compile time, and values are told apart by their exact type.
///
/// Exactness: the parser is a port of swift-mustache's for the tags Kenshu's templates use
/// (variables, `{{{ }}}`/`{{& }}`, sections, inverted sections, comments, partials, the
/// `empty(…)` transform), with the same white-space rules (standalone lines). A template using
/// anything else — set delimiters, pragmas, other transforms, inheritance, dynamic or indented
/// partials — does not
/// compile here, and a value of any other type makes `render` give up; in both cases the page
/// is rendered by swift-mustache, as before. A differential test renders generated templates
/// and contexts with both engines.
struct FastTemplate: Sendable {
  indirect enum Node: Sendable {
    case text(String)
    /// `name.path` is the name split at dots (empty for `.`); `topOnly` for names starting with
    /// a dot; `empty` for `empty(name)`, swift-mustache's transform Kenshu's templates use.
    case variable(Name, escaped: Bool)
    case section(Name, inverted: Bool, body: [Node])
    case partial(String)
  }

  /// Raised while parsing or rendering when the template or a value is outside what this
  /// renderer reproduces exactly.
  struct Unsupported: Error {}

  let nodes: [Node]

  /// Names of the partials the template renders, at any depth of sections.
  var partialNames: Set<String> {
    func collect(_ nodes: [Node], into names: inout Set<String>) {
      for node in nodes {
        switch node {
        case .partial(let name): names.insert(name)
        case .section(_, _, let body): collect(body, into: &names)
        case .text, .variable: break
        }
      }
    }
    var names: Set<String> = []
    collect(nodes, into: &names)
    return names
  }

  /// Compiles `text`; nil when it uses anything this renderer does not reproduce.
  init?(_ text: String) {
    var parser = CharacterReader(Array(text))
    guard let nodes = try? Self.parse(&parser, sectionName: nil, newLine: true) else { return nil }
    self.nodes = nodes
  }

  // MARK: Rendering

  /// Renders with `context`; nil when a value is of a kind this renderer does not handle (the
  /// caller then renders with swift-mustache).
  func render(_ context: [String: Any], partials: [String: FastTemplate]) -> String? {
    var output = ""
    var stack: [Any] = [context]
    do {
      try Self.render(nodes, stack: &stack, partials: partials, into: &output)
    } catch {
      return nil
    }
    return output
  }

  private static func render(
    _ nodes: [Node], stack: inout [Any], partials: [String: FastTemplate], into output: inout String
  ) throws {
    for node in nodes {
      switch node {
      case .text(let text):
        output += text
      case .variable(let name, let escaped):
        guard let value = try lookUp(name, in: stack) else { continue }
        let text = try scalarText(value)
        output += escaped ? Markup.escape(text) : text
      case .section(let name, let inverted, let body):
        let value = try lookUp(name, in: stack)
        try renderSection(
          value, inverted: inverted, body: body, stack: &stack, partials: partials, into: &output)
      case .partial(let name):
        // A partial the library lacks renders nothing, as in swift-mustache.
        guard let partial = partials[name] else { continue }
        try render(partial.nodes, stack: &stack, partials: partials, into: &output)
      }
    }
  }

  private static func renderSection(
    _ value: Any?, inverted: Bool, body: [Node], stack: inout [Any], partials: [String: FastTemplate],
    into output: inout String
  ) throws {
    guard let value else {
      if inverted { try render(body, stack: &stack, partials: partials, into: &output) }
      return
    }
    let classified = try classify(value)
    if case .bool(let flag) = classified {
      if flag != inverted { try render(body, stack: &stack, partials: partials, into: &output) }
      return
    }
    if let count = classified.count {
      if inverted {
        guard count == 0 else { return }
        // swift-mustache renders an empty list's inverted section with the list on the stack.
        stack.append(value)
        defer { stack.removeLast() }
        try render(body, stack: &stack, partials: partials, into: &output)
        return
      }
      func each(_ item: Any) throws {
        stack.append(item)
        defer { stack.removeLast() }
        try render(body, stack: &stack, partials: partials, into: &output)
      }
      switch classified {
      case .dictionaries(let items): for item in items { try each(item) }
      case .strings(let items): for item in items { try each(item) }
      case .list(let items): for item in items { try each(item) }
      default: break
      }
      return
    }
    // Any other value is truthy and becomes the section's context.
    guard !inverted else { return }
    stack.append(value)
    defer { stack.removeLast() }
    try render(body, stack: &stack, partials: partials, into: &output)
  }

  /// The kinds of values Kenshu's contexts hold.
  private enum Value {
    case string(String), bool(Bool), int(Int), double(Double)
    case dictionary([String: Any])
    /// UI strings and other text-only maps, looked up without converting them.
    case texts([String: String])
    case dictionaries([[String: Any]]), strings([String]), list([Any])

    /// The number of elements of a list; nil for anything else.
    var count: Int? {
      switch self {
      case .dictionaries(let items): items.count
      case .strings(let items): items.count
      case .list(let items): items.count
      case .string, .bool, .int, .double, .dictionary, .texts: nil
      }
    }
  }

  private static let stringType = ObjectIdentifier(String.self)
  private static let boolType = ObjectIdentifier(Bool.self)
  private static let intType = ObjectIdentifier(Int.self)
  private static let doubleType = ObjectIdentifier(Double.self)
  private static let dictionaryType = ObjectIdentifier([String: Any].self)
  private static let textsType = ObjectIdentifier([String: String].self)
  private static let dictionariesType = ObjectIdentifier([[String: Any]].self)
  private static let stringsType = ObjectIdentifier([String].self)
  private static let listType = ObjectIdentifier([Any].self)

  /// What a value is. The exact type is compared first: a failing `as?` from `Any` (a string
  /// asked whether it is a dictionary) walks the runtime's bridging paths and cost more than
  /// the rest of rendering. Other types Kenshu might put in a context take the slow casts;
  /// anything else is unsupported.
  private static func classify(_ value: Any) throws -> Value {
    switch ObjectIdentifier(type(of: value)) {
    case stringType: return .string(value as! String)
    case dictionaryType: return .dictionary(value as! [String: Any])
    case textsType: return .texts(value as! [String: String])
    case boolType: return .bool(value as! Bool)
    case intType: return .int(value as! Int)
    case dictionariesType: return .dictionaries(value as! [[String: Any]])
    case stringsType: return .strings(value as! [String])
    case listType: return .list(value as! [Any])
    case doubleType: return .double(value as! Double)
    default:
      if let text = value as? String { return .string(text) }
      if let flag = value as? Bool { return .bool(flag) }
      if let number = value as? Int { return .int(number) }
      if let number = value as? Double { return .double(number) }
      if let dictionary = value as? [String: Any] { return .dictionary(dictionary) }
      if let list = value as? [Any] { return .list(list) }
      throw Unsupported()
    }
  }

  /// A named child: a dictionary's value; strings, numbers and lists have none (swift-mustache's
  /// reflection finds no labelled child in them).
  private static func child(named name: String, of value: Any) throws -> Any? {
    switch try classify(value) {
    case .dictionary(let dictionary): return dictionary[name]
    case .texts(let texts): return texts[name]
    default: return nil
    }
  }

  /// swift-mustache's look-up, and its `empty` transform when the name asks for it.
  private static func lookUp(_ name: Name, in stack: [Any]) throws -> Any? {
    let found = try lookUp(name.path, topOnly: name.topOnly, in: stack)
    guard name.empty, let found else { return found }
    // `empty` of a string, list or dictionary; of anything else, nothing.
    switch try classify(found) {
    case .string(let text): return text.isEmpty
    case .dictionary(let dictionary): return dictionary.isEmpty
    case .texts(let texts): return texts.isEmpty
    case let list where list.count != nil: return list.count == 0
    default: return nil
    }
  }

  /// `.` is the top of the stack; otherwise the first name is looked for from the top of the
  /// stack down (only the top for names starting with a dot) and the rest inside what was
  /// found.
  private static func lookUp(_ path: [String], topOnly: Bool, in stack: [Any]) throws -> Any? {
    guard let first = path.first, let top = stack.last else { return stack.last }
    var found: Any?
    if topOnly {
      found = try child(named: first, of: top)
    } else {
      for object in stack.reversed() {
        if let value = try child(named: first, of: object) {
          found = value
          break
        }
      }
    }
    for name in path.dropFirst() {
      guard let current = found else { return nil }
      found = try child(named: name, of: current)
    }
    return found
  }

  /// The text of a value in `{{name}}`: strings as they are, numbers and booleans as Swift
  /// describes them (as swift-mustache does); anything else is unsupported.
  private static func scalarText(_ value: Any) throws -> String {
    switch try classify(value) {
    case .string(let text): return text
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return String(describing: number)
    default: throw Unsupported()
    }
  }

  // MARK: Parsing (a port of swift-mustache's `MustacheTemplate.parse` for the supported tags)

  struct CharacterReader {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    var reachedEnd: Bool { position >= characters.count }
    /// The current character, `"\0"` at the end (as swift-mustache's parser answers).
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func read(while predicate: (Character) -> Bool) -> String {
      let start = position
      while !reachedEnd, predicate(characters[position]) { position += 1 }
      return String(characters[start..<position])
    }

    mutating func read(_ text: String) -> Bool {
      let wanted = Array(text)
      guard position + wanted.count <= characters.count,
        Array(characters[position..<(position + wanted.count)]) == wanted
      else { return false }
      position += wanted.count
      return true
    }
  }

  private static let nameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
  private static let partialNameCharacters = Set<Character>(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?/")

  private static func parse(_ reader: inout CharacterReader, sectionName: String?, newLine: Bool) throws
    -> [Node]
  {
    var nodes: [Node] = []
    var newLine = newLine
    var whiteSpaceBefore = ""
    while !reader.reachedEnd {
      if newLine { whiteSpaceBefore = reader.read { $0 == " " || $0 == "\t" } }
      let text = try readUntilTagOrNewline(&reader)
      if reader.current.isNewline {
        nodes.append(.text(whiteSpaceBefore + text + String(reader.current)))
        newLine = true
        reader.position += 1
        continue
      }
      if !text.isEmpty {
        nodes.append(.text(whiteSpaceBefore + text))
        whiteSpaceBefore = ""
        newLine = false
      }
      if reader.reachedEnd { break }
      var setNewLine = false
      func flushWhiteSpace() {
        if !whiteSpaceBefore.isEmpty {
          nodes.append(.text(whiteSpaceBefore))
          whiteSpaceBefore = ""
        }
      }
      switch reader.current {
      case "#", "^":
        let inverted = reader.current == "^"
        reader.position += 1
        let name = try parseName(&reader)
        if isStandalone(&reader, newLine: newLine) {
          setNewLine = true
        } else {
          flushWhiteSpace()
        }
        let body = try parse(&reader, sectionName: name, newLine: newLine && setNewLine)
        nodes.append(.section(try Name(name), inverted: inverted, body: body))
      case "/":
        reader.position += 1
        let name = try parseName(&reader)
        guard name == sectionName else { throw Unsupported() }
        if isStandalone(&reader, newLine: newLine) {
          setNewLine = true
        } else {
          flushWhiteSpace()
        }
        return nodes
      case "!":
        reader.position += 1
        // The comment runs to the closing delimiter.
        while !reader.reachedEnd, !reader.read("}}") { reader.position += 1 }
        setNewLine = isStandalone(&reader, newLine: newLine)
      case "{":
        flushWhiteSpace()
        reader.position += 1
        let name = try parseName(&reader)
        guard reader.read("}") else { throw Unsupported() }
        nodes.append(.variable(try Name(name), escaped: false))
      case "&":
        flushWhiteSpace()
        reader.position += 1
        let name = try parseName(&reader)
        nodes.append(.variable(try Name(name), escaped: false))
      case ">":
        reader.position += 1
        _ = reader.read { $0.isWhitespace }
        guard reader.current != "*" else { throw Unsupported() }
        let name = reader.read { partialNameCharacters.contains($0) }
        _ = reader.read { $0.isWhitespace }
        guard reader.read("}}") else { throw Unsupported() }
        // An indented standalone partial indents every line it renders: not reproduced here.
        guard whiteSpaceBefore.isEmpty else { throw Unsupported() }
        setNewLine = isStandalone(&reader, newLine: newLine)
        nodes.append(.partial(name))
      case "=", "%", "<", "$":
        throw Unsupported()
      default:
        flushWhiteSpace()
        let name = try parseName(&reader)
        nodes.append(.variable(try Name(name), escaped: true))
      }
      newLine = setNewLine
    }
    guard sectionName == nil else { throw Unsupported() }
    return nodes
  }

  /// Text up to the next `{{` (consumed) or line break (not consumed).
  private static func readUntilTagOrNewline(_ reader: inout CharacterReader) throws -> String {
    var text = ""
    while !reader.reachedEnd {
      text += reader.read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
      if reader.current.isNewline {
        break
      } else if reader.current == "{" {
        // swift-mustache fails on a lone `{` at the very end; so do we.
        guard reader.position + 2 <= reader.characters.count else { throw Unsupported() }
        if reader.read("{{") { break }
        text += "{"
        reader.position += 1
      }
    }
    return text
  }

  /// A name without transforms (brackets are not supported).
  private static func parseName(_ reader: inout CharacterReader) throws -> String {
    _ = reader.read { $0.isWhitespace }
    let name = reader.read { nameCharacters.contains($0) }
    _ = reader.read { $0.isWhitespace }
    guard reader.read("}}") else { throw Unsupported() }
    return name
  }

  /// Whether the tag just read stands alone on its line; if so the rest of the line (white
  /// space and the line break) is consumed.
  private static func isStandalone(_ reader: inout CharacterReader, newLine: Bool) -> Bool {
    guard newLine else { return false }
    if reader.reachedEnd { return true }
    var lookahead = reader
    _ = lookahead.read { $0 == " " || $0 == "\t" }
    guard lookahead.current.isNewline else { return false }
    lookahead.position += 1
    reader.position = lookahead.position
    return true
  }

  /// A tag's name as looked up.
  struct Name: Sendable {
    var path: [String]
    var topOnly: Bool
    var empty: Bool

    /// `name`, `a.b`, `.`, `.a`, or `empty(name)`; other transforms are unsupported.
    init(_ text: String) throws {
      var name = Substring(text)
      empty = false
      if name.contains("(") || name.contains(")") {
        guard name.hasPrefix("empty("), name.hasSuffix(")") else { throw Unsupported() }
        name = name.dropFirst("empty(".count).dropLast()
        // `empty()` applies to swift-mustache's sequence context: not reproduced.
        guard !name.isEmpty, !name.contains("("), !name.contains(")") else { throw Unsupported() }
        empty = true
      }
      if name == "." {
        (path, topOnly) = ([], false)
      } else {
        (path, topOnly) = (name.split(separator: ".").map(String.init), name.first == ".")
      }
    }
  }
}
