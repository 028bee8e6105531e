import KenshuModel

/// `imsmanifest.xml` of a SCORM 1.2 package holding one module as one SCO.
///
/// Besides validating against the IMS CP 1.1.2 / ADL CP 1.2 schemas it keeps the rules the
/// schemas do not check (SCORM 1.2 CAM, and what Moodle enforces): relative hrefs, identifiers
/// that are XML IDs, lower-case `adlcp:scormtype="sco"`, titles of at most 200 characters and
/// every file of the package listed.
public struct SCORMManifest: Sendable {
  /// Longest title an LMS must accept (SCORM 1.2 CAM: 200 characters).
  public static let maxTitleLength = 200

  public var identifier: String
  public var title: String
  public var launch: String
  /// Package-relative paths of every file, the launch page included.
  public var files: [String]
  /// The pass mark, when the module has a quiz (`adlcp:masteryscore`).
  public var masteryScore: Int?

  public init(module: SelfStudyModule, launch: String, files: [String]) {
    identifier = Self.xmlID("kenshu-" + module.id)
    title = Self.title(module.title)
    self.launch = launch
    self.files = files.sorted()
    masteryScore = module.quiz.map { min(100, max(0, $0.passMark)) }
  }

  /// The manifest document (UTF-8 XML).
  public var xml: String {
    let org = identifier + "-org"
    let item = identifier + "-item"
    let resource = identifier + "-sco"
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      #"<manifest identifier="\#(identifier)" version="1.0""#,
      #"  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2""#,
      #"  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2""#,
      #"  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
      "  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>",
      #"  <organizations default="\#(org)">"#,
      #"    <organization identifier="\#(org)">"#,
      "      <title>\(Markup.escape(title))</title>",
      #"      <item identifier="\#(item)" identifierref="\#(resource)" isvisible="true">"#,
      "        <title>\(Markup.escape(title))</title>",
    ]
    if let masteryScore { lines.append("        <adlcp:masteryscore>\(masteryScore)</adlcp:masteryscore>") }
    lines += [
      "      </item>",
      "    </organization>",
      "  </organizations>",
      "  <resources>",
      #"    <resource identifier="\#(resource)" type="webcontent" adlcp:scormtype="sco" href="\#(Markup.escape(Self.href(launch)))">"#,
    ]
    lines += files.map { #"      <file href="\#(Markup.escape(Self.href($0)))"/>"# }
    lines += ["    </resource>", "  </resources>", "</manifest>", ""]
    return lines.joined(separator: "\n")
  }

  /// An XML ID (NCName): letters, digits, `-`, `_`, `.`; starts with a letter or `_`.
  static func xmlID(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      let ok =
        scalar.isASCII
        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
          || "-_.".unicodeScalars.contains(scalar))
      out.unicodeScalars.append(ok ? scalar : "_")
    }
    if let first = out.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") {
      out = "_" + out
    }
    return out.isEmpty ? "_" : out
  }

  /// At most 200 characters, cut with an ellipsis.
  static func title(_ text: String) -> String {
    let plain = text.replacingOccurrences(of: "\n", with: " ")
    guard plain.count > maxTitleLength else { return plain }
    return String(plain.prefix(maxTitleLength - 1)) + "…"
  }

  /// A package path as a URI reference: percent-encodes what is not allowed unescaped, keeps `/`.
  static func href(_ path: String) -> String {
    var allowed = Set(
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@".unicodeScalars)
    allowed.remove("%")
    var out = ""
    for byte in path.utf8 {
      let scalar = Unicode.Scalar(byte)
      if byte < 0x80, allowed.contains(scalar) {
        out.unicodeScalars.append(scalar)
      } else {
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
