import KenshuModel
import KenshuXML

/// How `XLSXReader` reads the content of a sheet's `<sheetData>`.
enum SheetScan: Sendable {
  /// libxml2 reads every byte: the reference.
  case libxml2
  /// `SheetDataScanner` reads the rows and cells of `<sheetData>` when they are written in the
  /// plain form it knows, libxml2 everything else (and the whole part again when the scan
  /// meets anything it does not know).
  case scanned

  /// Issue 12: libxml2's SAX2 costs about 35 ns per event with empty callbacks, 0.7 s for the
  /// 20 million events of a 100,000-row × 40-item sheet, before Kenshu does anything with them.
  static let standard = SheetScan.scanned
}

/// Hands a worksheet part, chunk by chunk, to libxml2 (`parser`) up to and including the start
/// tag of `<sheetData>`, to `SheetDataScanner` from there to the matching `</sheetData>`, and to
/// libxml2 again from that end tag on: libxml2 checks the document around the rows (prolog,
/// root, namespaces, `<mergeCells>`), the scanner the rows themselves. Both report to the same
/// `SheetHandler`, which cannot tell them apart.
///
/// The scan starts only when the part before `<sheetData>` has no DOCTYPE, comment, CDATA or
/// processing instruction (so the first `<sheetData>` in its bytes is a tag), declares no
/// encoding but UTF-8, and libxml2, fed up to that tag, has just reported it as the start of
/// the root's child `sheetData`. Otherwise libxml2 reads on alone, as if there were no scanner.
final class SheetPartFeeder {
  private let parser: XMLStreamParser
  private let handler: SheetHandler
  private let scanner: SheetDataScanner

  private enum Mode {
    /// Looking for `<sheetData>`; bytes go to libxml2.
    case prefix
    /// Inside `<sheetData>`: bytes go to the scanner.
    case scanning
    /// Bytes go to libxml2 (after the rows, or when the scan cannot start).
    case libxml2
  }
  private var mode = Mode.prefix
  /// The last bytes of the previous chunk, already fed, in which `<sheetData>` may begin.
  private var tail: [UInt8] = []
  /// Bytes seen before `<sheetData>`.
  private var offset = 0
  /// The scan has reported something to the handler.
  private(set) var scanned = false
  /// The part must be read again by libxml2 alone; set only once the scan has begun.
  private(set) var needsRestart = false

  init(parser: XMLStreamParser, handler: SheetHandler) {
    self.parser = parser
    self.handler = handler
    scanner = SheetDataScanner(handler: handler)
  }

  /// Reads the next chunk; false to stop (a problem, or a restart).
  func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
    let bytes = chunk.bindMemory(to: UInt8.self)
    switch mode {
    case .libxml2:
      return feedParser(bytes)
    case .scanning:
      return scan(bytes)
    case .prefix:
      return feedPrefix(bytes)
    }
  }

  /// Ends the part: libxml2's problems, if any (`needsRestart` may be set by them).
  func finish() -> [Diagnostic] {
    if mode == .scanning {
      // The part ended inside `<sheetData>`: libxml2 is to say how.
      needsRestart = true
      return []
    }
    let diagnostics = parser.finish()
    if scanned, !diagnostics.isEmpty, handler.problem == nil { needsRestart = true }
    return diagnostics
  }

  private func feedParser(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !bytes.isEmpty else { return !parser.isStopped }
    let going = parser.feed(UnsafeRawBufferPointer(bytes))
    if !going, scanned, handler.problem == nil { needsRestart = true }
    return going
  }

  private static let sheetDataTag: [UInt8] = Array("<sheetData>".utf8)

  private func feedPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let window = tail + Array(bytes)
    let startOfChunk = tail.count
    let end = Self.firstTagEnd(in: window)
    let checked = end.map { $0 - Self.sheetDataTag.count } ?? window.count
    guard Self.isPlainPrefix(window[..<checked], from: offset - startOfChunk) else {
      mode = .libxml2
      return feedParser(bytes)
    }
    guard let end else {
      offset += bytes.count
      tail = Array(window.suffix(Self.sheetDataTag.count - 1))
      if offset > 1 << 22 {
        // No rows in the first 4 MB: not a sheet written the usual way.
        mode = .libxml2
      }
      return feedParser(bytes)
    }
    let split = end - startOfChunk
    tail = []
    guard feedParser(UnsafeBufferPointer(rebasing: bytes[..<split])), handler.sheetDataOpen else {
      mode = .libxml2
      return feedParser(UnsafeBufferPointer(rebasing: bytes[split...]))
    }
    mode = .scanning
    scanned = true
    scanner.declare(handler.namespacesInScope)
    return scan(UnsafeBufferPointer(rebasing: bytes[split...]))
  }

  /// Whether `window` (starting at `start` in the part) holds no `<!` and no `<?` but the XML
  /// declaration, and that one declares UTF-8 or no encoding; and whether the part is plainly
  /// UTF-8: it begins with `<` (after a UTF-8 byte-order mark) and holds no 0 byte. In UTF-16
  /// or UCS-4 (with a byte-order mark or without) every `<` is followed or preceded by a 0 byte,
  /// so a byte check for `<!` sees nothing, and ASCII bytes that spell `<sheetData>` are text
  /// to libxml2 there: the scan would read rows libxml2 never sees.
  private static func isPlainPrefix(_ window: ArraySlice<UInt8>, from start: Int) -> Bool {
    if window.contains(0) { return false }
    var index = window.startIndex
    if start == 0 {
      if window.starts(with: [0xEF, 0xBB, 0xBF]) { index += 3 }
      guard index < window.endIndex, window[index] == UInt8(ascii: "<") else { return false }
      if window[index...].starts(with: Array("<?xml".utf8)) {
        guard let end = declarationEnd(window, from: index), declaresUTF8(window[index..<end]) else {
          return false
        }
        index = end
      }
    }
    while index + 1 < window.endIndex {
      if window[index] == UInt8(ascii: "<"),
        window[index + 1] == UInt8(ascii: "!") || window[index + 1] == UInt8(ascii: "?")
      {
        return false
      }
      index += 1
    }
    return true
  }

  private static func declarationEnd(_ window: ArraySlice<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 1 < window.endIndex, index - start < 512 {
      if window[index] == UInt8(ascii: "?"), window[index + 1] == UInt8(ascii: ">") { return index + 2 }
      index += 1
    }
    return nil
  }

  /// The declaration names no encoding, or UTF-8.
  private static func declaresUTF8(_ declaration: ArraySlice<UInt8>) -> Bool {
    let text = String(decoding: declaration, as: UTF8.self)
    guard let range = text.range(of: "encoding") else { return true }
    let rest = text[range.upperBound...].drop { $0 == " " }
    guard rest.first == "=" else { return false }
    let value = rest.dropFirst().drop { $0 == " " }
    guard let quote = value.first, quote == "\"" || quote == "'" else { return false }
    let name = value.dropFirst().prefix { $0 != quote }
    return name.lowercased() == "utf-8"
  }

  /// The index just past the first `<sheetData>` in `window`.
  private static func firstTagEnd(in window: [UInt8]) -> Int? {
    let tag = sheetDataTag
    var index = 0
    while index + tag.count <= window.count {
      if window[index] == tag[0], window[index..<(index + tag.count)].elementsEqual(tag) {
        return index + tag.count
      }
      index += 1
    }
    return nil
  }

  private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch scanner.scan(bytes) {
    case .more:
      return true
    case .stopped:
      return false
    case .restart:
      needsRestart = true
      return false
    case .handBack(let tag, let rest):
      mode = .libxml2
      return tag.withUnsafeBufferPointer { feedParser($0) } && feedParser(rest)
    }
  }
}

/// Reads the content of `<sheetData>` when written in the plain form Excel and other writers
/// use: the elements `row`, `c`, `v`, `f`, `is`, `t` and `r` without namespace prefixes,
/// attributes of printable ASCII without `&`, `<` or `>`, named without a prefix or with one
/// in scope (`xml`, or declared on the root, as Excel's `x14ac:dyDescent` on every row: the
/// scan starts only after a bare `<sheetData>`, which declares nothing), and text of printable
/// ASCII, tabs and line feeds without `>`, with `&` only in XML's five predefined entities
/// (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, as in a formula `A1&lt;B1` or `"a"&amp;B1`).
/// It reports to `SheetHandler` exactly the events libxml2 would (text possibly cut in other
/// places: the handler only appends it; attributes under the local names libxml2 gives).
/// Anything else (another element or byte, another entity, a character reference, an entity in
/// an attribute, a comment, CDATA, a processing instruction, `\r`, a prefixed element, an
/// attribute prefix not in scope or bound to SpreadsheetML's own namespace, a namespace
/// declaration, two attributes with one local name, a tag longer than 4 KB across chunks, text
/// over a megabyte, nesting deeper than a sheet needs, an end tag that does not match, the part
/// ending inside `<sheetData>`) makes it give up (`restart`), and libxml2 reads the whole part,
/// with its own diagnostics: the scan decides nothing libxml2 would decide otherwise.
final class SheetDataScanner {
  enum Outcome {
    /// All bytes read (an unfinished tag kept for the next chunk).
    case more
    /// The handler has a problem: stop.
    case stopped
    /// Something the scan does not read: libxml2 must read the part.
    case restart
    /// `</sheetData>` met: `tag` (the end tag, when it came in two chunks) and then `rest` (from
    /// the end tag on, or after it) belong to libxml2.
    case handBack([UInt8], rest: UnsafeBufferPointer<UInt8>)
  }

  // The feeder owns both the handler and this scanner, and keeps the handler alive.
  private unowned(unsafe) let handler: SheetHandler
  // Swift checks exclusive access to a class's stored properties at run time (6 % of the
  // samples of evaluating a 100,000-row .xlsx, with one check per tag and text): the scan runs
  // on one thread and never re-enters itself, so no two accesses can overlap.
  /// An unfinished tag from the previous chunk.
  @exclusivity(unchecked) private var pending: [UInt8] = []
  /// Elements open inside `<sheetData>`: `open[0..<depth]`.
  private let open: UnsafeMutablePointer<Element>
  @exclusivity(unchecked) private var depth = 0
  /// Bytes of text since the last tag.
  @exclusivity(unchecked) private var textLength = 0
  private let attributes: UnsafeMutablePointer<ScannedAttributes.Entry>
  /// `<>&"'`: the characters of `predefinedEntity`, for the handler.
  private let entityCharacters: UnsafeMutablePointer<UInt8>
  /// The attribute prefixes in scope: `xml` (always bound) and those `declare` was given.
  @exclusivity(unchecked) private var prefixes: [[UInt8]] = [Array("xml".utf8)]

  static let maximumDepth = 8
  static let maximumTag = 4096
  static let maximumText = 1 << 20
  static let maximumAttributes = 16

  init(handler: SheetHandler) {
    self.handler = handler
    attributes = .allocate(capacity: Self.maximumAttributes)
    open = .allocate(capacity: Self.maximumDepth)
    entityCharacters = .allocate(capacity: 5)
    entityCharacters.initialize(from: Array("<>&\"'".utf8), count: 5)
  }

  deinit {
    attributes.deallocate()
    open.deallocate()
    entityCharacters.deallocate()
  }

  /// `&quot;`'s length.
  private static let longestEntity = 6

  /// The reference to a predefined entity (`&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`) at
  /// `index`: the index of its character in `entityCharacters`, and the reference's length.
  private static func predefinedEntity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Int, Int)? {
    func spells(_ name: StaticString) -> Bool {
      let length = name.utf8CodeUnitCount
      guard bytes.count - index >= length + 2, bytes[index + length + 1] == UInt8(ascii: ";") else {
        return false
      }
      let start = name.utf8Start
      for offset in 0..<length where bytes[index + 1 + offset] != start[offset] { return false }
      return true
    }
    if spells("lt") { return (0, 4) }
    if spells("gt") { return (1, 4) }
    if spells("amp") { return (2, 5) }
    if spells("quot") { return (3, 6) }
    if spells("apos") { return (4, 6) }
    return nil
  }

  /// SpreadsheetML's main namespace (transitional and strict): an attribute prefix bound to it
  /// is not read (an element prefix never is).
  static let mainNamespaces: Set<String> = [
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
  ]

  /// Takes the namespace declarations in scope at `<sheetData>` (libxml2 has read and checked
  /// them; outermost first): their prefixes may name attributes, but for one bound to
  /// SpreadsheetML's main namespace (libxml2 reports such an attribute under its local name
  /// too, but the scan reads only prefixes that cannot be taken for SpreadsheetML's own).
  /// libxml2 reports an attribute with a prefix not in scope as an error, which the scan
  /// leaves to it.
  func declare(_ namespaces: [XMLNamespaceDeclaration]) {
    var bound: [String: String] = [:]
    for declaration in namespaces where !declaration.prefix.isEmpty {
      bound[declaration.prefix] = declaration.uri
    }
    prefixes = [Array("xml".utf8)]
    for (prefix, uri) in bound.sorted(by: { $0.key < $1.key })
    where prefix != "xml" && prefix != "xmlns" && !uri.isEmpty && !Self.mainNamespaces.contains(uri) {
      prefixes.append(Array(prefix.utf8))
    }
  }

  /// Whether `prefix` is one of `prefixes`.
  private func isInScope(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    prefixes.contains { $0.elementsEqual(prefix) }
  }

  @inline(__always)
  private static func isLetter(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
  }

  /// The elements read, by name.
  enum Element: UInt8 {
    case row, c, v, f, `is`, t, r

    @inline(__always)
    init?(_ name: UnsafeBufferPointer<UInt8>) {
      switch name.count {
      case 1:
        switch name[0] {
        case UInt8(ascii: "c"): self = .c
        case UInt8(ascii: "v"): self = .v
        case UInt8(ascii: "f"): self = .f
        case UInt8(ascii: "t"): self = .t
        case UInt8(ascii: "r"): self = .r
        default: return nil
        }
      case 2 where name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "s"): self = .is
      case 3
      where name[0] == UInt8(ascii: "r") && name[1] == UInt8(ascii: "o") && name[2] == UInt8(ascii: "w"):
        self = .row
      default: return nil
      }
    }

    /// What `SheetCells` reads it as (`f` and rich text's `r` it does not read).
    @inline(__always)
    var sheetElement: SheetElement {
      switch self {
      case .row: .row
      case .c: .c
      case .v: .v
      case .is: .is
      case .t: .t
      case .f, .r: .other
      }
    }
  }

  /// Reads the next bytes of `<sheetData>`'s content.
  func scan(_ chunk: UnsafeBufferPointer<UInt8>) -> Outcome {
    var bytes = chunk
    if !pending.isEmpty {
      // Complete the unfinished tag up to its `>` (no `>` is read inside a tag's values).
      guard let close = bytes.firstIndex(of: UInt8(ascii: ">")) else {
        pending.append(contentsOf: bytes)
        return pending.count > Self.maximumTag ? .restart : .more
      }
      pending.append(contentsOf: bytes[...close])
      if pending.count > Self.maximumTag { return .restart }
      let rest = UnsafeBufferPointer(rebasing: bytes[(close + 1)...])
      let outcome = pending.withUnsafeBufferPointer { run($0) }
      switch outcome {
      case .more(let consumed) where consumed == pending.count:
        pending.removeAll(keepingCapacity: true)
        bytes = rest
      case .stopped:
        return .stopped
      case .handBack(let at) where at == 0:
        let tag = pending
        pending = []
        return .handBack(tag, rest: rest)
      default:
        return .restart
      }
    }
    switch run(bytes) {
    case .more(let consumed):
      if consumed < bytes.count {
        pending.append(contentsOf: bytes[consumed...])
        if pending.count > Self.maximumTag { return .restart }
      }
      return .more
    case .stopped: return .stopped
    case .restart: return .restart
    case .handBack(let at): return .handBack([], rest: UnsafeBufferPointer(rebasing: bytes[at...]))
    }
  }

  private enum Run {
    case more(consumed: Int)
    case stopped
    case restart
    case handBack(at: Int)
  }

  @inline(__always)
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09
  }

  /// Bytes read in text and attribute values: printable ASCII but `&`, `<` and `>`.
  @inline(__always)
  private static func isPlain(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
      && byte != UInt8(ascii: ">")
  }

  @inline(__always)
  private static func isNameByte(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
  }

  private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    guard bytes.count == literal.utf8CodeUnitCount else { return false }
    let start = literal.utf8Start
    for index in 0..<bytes.count where bytes[index] != start[index] { return false }
    return true
  }

  /// Reads `bytes` from the start; stops before a tag that does not end in them.
  private func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Run {
    // One strong reference for the whole chunk: through the `unowned(unsafe)` property, Swift
    // retained and released the handler around every event and copied its optional problem
    // for every check (20,000 rows × 40 cells: 7.2 million retains and releases; the scan's
    // instructions, handler calls included, 2.44 G before, 1.74 G after).
    let handler = self.handler
    let count = bytes.count
    var index = 0
    while index < count {
      if bytes[index] == UInt8(ascii: "&") {
        // One of XML's five predefined entities: libxml2 reports the character it stands for.
        guard let (character, length) = Self.predefinedEntity(bytes, at: index) else {
          // Cut at the end of the bytes: kept, like an unfinished tag, for the next chunk.
          let rest = count - index
          if rest < Self.longestEntity, !bytes[index..<count].contains(UInt8(ascii: ";")) {
            return .more(consumed: index)
          }
          return .restart
        }
        index += length
        textLength += 1
        if textLength > Self.maximumText { return .restart }
        handler.characters(XMLStreamBytes(UnsafeBufferPointer(start: entityCharacters + character, count: 1)))
        continue
      }
      if bytes[index] != UInt8(ascii: "<") {
        let start = index
        while index < count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") {
          let byte = bytes[index]
          guard Self.isPlain(byte) || byte == 0x0A || byte == 0x09 else { return .restart }
          index += 1
        }
        textLength += index - start
        if textLength > Self.maximumText { return .restart }
        handler.characters(XMLStreamBytes(UnsafeBufferPointer(rebasing: bytes[start..<index])))
        continue
      }
      let tagStart = index
      guard index + 1 < count else { return .more(consumed: tagStart) }
      if bytes[index + 1] == UInt8(ascii: "/") {
        index += 2
        let nameStart = index
        while index < count, Self.isNameByte(bytes[index]) { index += 1 }
        let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
        while index < count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < count else { return .more(consumed: tagStart) }
        guard bytes[index] == UInt8(ascii: ">") else { return .restart }
        guard let element = Element(name) else {
          return depth == 0 && Self.equals(name, "sheetData") ? .handBack(at: tagStart) : .restart
        }
        guard depth > 0, open[depth - 1] == element else { return .restart }
        depth -= 1
        index += 1
        textLength = 0
        handler.end(element.sheetElement)
        if handler.problem != nil { return .stopped }
        continue
      }
      index += 1
      let nameStart = index
      while index < count, Self.isNameByte(bytes[index]) { index += 1 }
      guard index < count else { return .more(consumed: tagStart) }
      let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<index])
      guard let element = Element(name) else { return .restart }
      var attributeCount = 0
      var selfClosing = false
      while true {
        let spaceStart = index
        while index < count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < count else { return .more(consumed: tagStart) }
        if bytes[index] == UInt8(ascii: ">") { break }
        if bytes[index] == UInt8(ascii: "/") {
          guard index + 1 < count else { return .more(consumed: tagStart) }
          guard bytes[index + 1] == UInt8(ascii: ">") else { return .restart }
          selfClosing = true
          index += 1
          break
        }
        // An attribute, after white space.
        guard index > spaceStart, attributeCount < Self.maximumAttributes else { return .restart }
        let attributeStart = index
        while index < count, Self.isNameByte(bytes[index]) { index += 1 }
        guard index < count else { return .more(consumed: tagStart) }
        let fullName = UnsafeBufferPointer(rebasing: bytes[attributeStart..<index])
        // A letter first.
        guard !fullName.isEmpty, Self.isLetter(fullName[0]) else { return .restart }
        var localName = fullName
        if let colon = fullName.firstIndex(of: UInt8(ascii: ":")) {
          // `prefix:local`: one colon, a letter after it, the prefix in scope (so never `xmlns`,
          // which declares a namespace).
          localName = UnsafeBufferPointer(rebasing: fullName[(colon + 1)...])
          guard let first = localName.first, Self.isLetter(first), !localName.contains(UInt8(ascii: ":")),
            isInScope(UnsafeBufferPointer(rebasing: fullName[..<colon]))
          else { return .restart }
        } else if fullName.count >= 3, fullName[0] | 0x20 == UInt8(ascii: "x"),
          fullName[1] | 0x20 == UInt8(ascii: "m"), fullName[2] | 0x20 == UInt8(ascii: "l")
        {
          // No `xml…` name (reserved; `xmlns` declares the default namespace).
          return .restart
        }
        let isSpaceAttribute = Self.equals(fullName, "xml:space")
        while index < count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < count else { return .more(consumed: tagStart) }
        guard bytes[index] == UInt8(ascii: "=") else { return .restart }
        index += 1
        while index < count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < count else { return .more(consumed: tagStart) }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return .restart }
        index += 1
        let valueStart = index
        while index < count, bytes[index] != quote {
          guard Self.isPlain(bytes[index]) else { return .restart }
          index += 1
        }
        guard index < count else { return .more(consumed: tagStart) }
        let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<index])
        index += 1
        if isSpaceAttribute, !Self.equals(value, "preserve"), !Self.equals(value, "default") {
          return .restart
        }
        // libxml2 refuses the same name twice, and the same local name in one namespace under
        // two prefixes; the scan gives up on any local name met twice.
        for other in 0..<attributeCount where attributes[other].localName.elementsEqual(localName) {
          return .restart
        }
        attributes[attributeCount] = ScannedAttributes.Entry(localName: localName, value: value)
        attributeCount += 1
      }
      index += 1
      // A tag longer than a pending one may be (so also an attribute name over libxml2's 50,000
      // bytes, which it refuses without XML_PARSE_HUGE) goes to libxml2, as it would across
      // chunks: within one chunk nothing else bounded it.
      if index - tagStart > Self.maximumTag { return .restart }
      textLength = 0
      let sheetElement = element.sheetElement
      handler.start(sheetElement, attributes: ScannedAttributes(entries: attributes, count: attributeCount))
      if handler.problem != nil { return .stopped }
      if selfClosing {
        handler.end(sheetElement)
        if handler.problem != nil { return .stopped }
      } else {
        guard depth < Self.maximumDepth else { return .restart }
        open[depth] = element
        depth += 1
      }
    }
    return .more(consumed: count)
  }
}

/// The attributes of one start tag read by `SheetDataScanner`, valid during the handler's call.
struct ScannedAttributes: SheetAttributes {
  struct Entry {
    /// Without the prefix (`space` for `xml:space`, `dyDescent` for `x14ac:dyDescent`), as
    /// libxml2 names it.
    var localName: UnsafeBufferPointer<UInt8>
    var value: UnsafeBufferPointer<UInt8>
  }

  let entries: UnsafeMutablePointer<Entry>
  let count: Int

  func attribute(_ name: StaticString) -> XMLStreamBytes? {
    let literal = name.utf8Start
    let length = name.utf8CodeUnitCount
    attributes: for index in 0..<count {
      let local = entries[index].localName
      guard local.count == length else { continue }
      for offset in 0..<length where local[offset] != literal[offset] { continue attributes }
      return XMLStreamBytes(entries[index].value)
    }
    return nil
  }

  /// One pass over the entries instead of three lookups (the scan gives up on a local name met
  /// twice, so the first `r`, `s` or `t` is the only one).
  func cellAttributes() -> CellAttributes {
    var cell = CellAttributes()
    for index in 0..<count {
      let local = entries[index].localName
      guard local.count == 1 else { continue }
      switch local[0] {
      case UInt8(ascii: "r"): cell.reference = XMLStreamBytes(entries[index].value)
      case UInt8(ascii: "s"): cell.style = XMLStreamBytes(entries[index].value)
      case UInt8(ascii: "t"): cell.type = XMLStreamBytes(entries[index].value)
      default: break
      }
    }
    return cell
  }
}
