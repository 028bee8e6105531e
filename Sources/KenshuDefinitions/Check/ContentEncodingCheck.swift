import Foundation
import KenshuModel

/// Markdown files named by `src` must be UTF-8, as the site reads them: a Shift_JIS file passed
/// `validate` and then failed `build`. Reported where the first byte that is not UTF-8 is.
struct ContentEncodingCheck {
  let project: Project
  let content: ContentFiles

  func run() -> [Diagnostic] {
    var findings = ContentFileFindings()
    return run(&findings)
  }

  /// The diagnostics, each file's kept in `findings` (and taken from it when not edited).
  func run(_ findings: inout ContentFileFindings) -> [Diagnostic] {
    if findings.patches {
      return findings.patch { paths in
        var found: [String: [Diagnostic]] = [:]
        project.forEachMarkdownBlock(in: paths) { block, owner in
          if let path = block.path, found[path] == nil { found[path] = check(path, owner: owner()) }
        }
        return found
      }
    }
    var diagnostics: [Diagnostic] = []
    var checked: Set<String> = []
    // The owner is described only for a file checked again (one string per block added up).
    project.forEachMarkdownBlock { block, owner in
      guard let path = block.path, checked.insert(path).inserted else { return }
      diagnostics += findings.findings(in: path) { check(path, owner: owner()) }
    }
    return diagnostics
  }

  private func check(_ path: String, owner: String) -> [Diagnostic] {
    guard let (bad, data) = content.read(path)?.invalidUTF8 else { return [] }
    let position = Self.lineAndColumn(of: bad, in: data)
    return [
      .error(
        Catalogue.contentNotUTF8,
        (path, owner, String(data[data.startIndex + bad], radix: 16, uppercase: true)),
        at: SourceLocation(file: content.displayName(path), line: position.line, column: position.column))
    ]
  }

  /// The offset of the first byte that is not part of well-formed UTF-8, or nil.
  static func firstInvalidUTF8(_ data: Data) -> Int? {
    data.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0.bindMemory(to: UInt8.self)) }
  }

  /// `firstInvalidUTF8` scalar by scalar through the standard library's parser: the reference
  /// it is tested against (through `Data`'s iterator it was 1.7 % of a cold site build).
  static func referenceFirstInvalidUTF8(_ data: Data) -> Int? {
    var iterator = data.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// 1-based line and column (counting characters before it) of a byte offset.
  static func lineAndColumn(of offset: Int, in data: Data) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in data.prefix(offset) {
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
