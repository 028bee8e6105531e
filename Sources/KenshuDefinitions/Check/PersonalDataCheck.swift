import Foundation
import KenshuModel

/// Training cases come from real practice; this warns when a case or scenario looks like it
/// still carries personal data (phone numbers, dates of birth, insurance numbers, real-looking
/// names with 様/さん). A heuristic: it warns, it never blocks a build.
struct PersonalDataCheck {
  let project: Project
  let content: ContentFiles

  func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var scanned: Set<String> = []
    var blocks: [(MarkdownBlock, String)] = []
    for session in project.programmes.flatMap({ $0.courses.flatMap(\.sessions) }) {
      for item in session.groupWork?.cases ?? [] { blocks.append((item.body, "case \"\(item.title)\"")) }
    }
    for module in project.modules {
      for scenario in module.scenarios { blocks.append((scenario.situation, "scenario \"\(scenario.id)\"")) }
    }
    for (block, owner) in blocks {
      switch block.source {
      case .inline(let text):
        let base = block.location ?? SourceLocation(file: "?")
        for finding in PersonalDataPatterns.findings(in: text) {
          // Inline text starts on the line after its element; report the element's line plus offset.
          let location = SourceLocation(file: base.file, line: base.line + finding.line, column: 0)
          diagnostics.append(warning(finding, owner: owner, at: location))
        }
      case .file(let path):
        guard scanned.insert(path).inserted, case .found(let url) = content.resolve(path),
          let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8)
        else { continue }
        for finding in PersonalDataPatterns.findings(in: text) {
          let location = SourceLocation(file: content.displayName(path), line: finding.line + 1, column: finding.column)
          diagnostics.append(warning(finding, owner: owner, at: location))
        }
      }
    }
    return diagnostics
  }

  private func warning(_ finding: PersonalDataPatterns.Finding, owner: String, at location: SourceLocation) -> Diagnostic {
    .warning(
      "possible-personal-data", at: location, "\(owner) contains what looks like \(finding.kind): \"\(finding.text)\"",
      hint: "anonymise cases (e.g. Aさん・80代男性) before publishing")
  }
}

/// The patterns, kept apart so they can be tested on their own.
enum PersonalDataPatterns {
  struct Finding: Equatable {
    var kind: String
    var text: String
    /// 0-based line within the text; 1-based column.
    var line: Int
    var column: Int
  }

  private static let patterns: [(kind: String, regex: NSRegularExpression)] = [
    ("a phone number", #"(?<![0-9０-９#])0[0-9]{1,4}[-‐－ー()（）][0-9]{1,4}[-‐－ー()（）][0-9]{3,4}(?![0-9])"#),
    ("a phone number", #"(?<![0-9])0[789]0[0-9]{8}(?![0-9])"#),
    ("a date of birth", #"(生年月日|誕生日)\s*[:：]?\s*[0-9０-９明大昭平令]"#),
    ("a date of birth", #"(明治|大正|昭和|平成|令和|[0-9]{4}年)\s*[0-9０-９]{1,2}年?[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*生"#),
    ("an insurance or My Number", #"(被保険者番号|保険者番号|マイナンバー|個人番号)\s*[:：]?\s*[0-9０-９]"#),
    ("an insurance or My Number", #"(?<![0-9])[0-9]{10}(?![0-9])|(?<![0-9])[0-9]{4}[- ][0-9]{4}[- ][0-9]{4}(?![0-9])"#),
    ("a real-looking name", #"[\p{Han}]{2,4}[\p{Han}ぁ-んァ-ヶ]{0,3}\s?(様|さん|氏)"#),
  ].compactMap { item in
    (try? NSRegularExpression(pattern: item.1)).map { (item.0, $0) }
  }

  /// Words before さん/様 that are roles or relations, not names.
  private static let commonNouns: [String] = [
    "患者", "利用者", "家族", "息子", "娘", "奥", "旦那", "夫", "妻", "父", "母", "祖父", "祖母", "本人", "相手",
    "皆", "皆様", "職員", "看護師", "医師", "先生", "主治医", "担当", "相談員", "介護士", "薬剤師", "訪問者",
    "お客", "同僚", "上司", "管理者", "お隣", "近所", "ご家族", "ご本人", "長男", "長女", "次男", "次女", "嫁",
    "兄", "姉", "弟", "妹", "孫", "親族", "友人", "知人", "男性", "女性", "高齢者", "被害者", "加害者",
  ]

  static func findings(in text: String) -> [Finding] {
    var findings: [Finding] = []
    let lines = text.components(separatedBy: "\n")
    for (index, line) in lines.enumerated() {
      let range = NSRange(line.startIndex..., in: line)
      for (kind, regex) in patterns {
        for match in regex.matches(in: line, range: range) {
          guard let swiftRange = Range(match.range, in: line) else { continue }
          let found = String(line[swiftRange])
          if kind == "a real-looking name" && isCommonNoun(found) { continue }
          let column = line.distance(from: line.startIndex, to: swiftRange.lowerBound) + 1
          findings.append(Finding(kind: kind, text: found, line: index, column: column))
        }
      }
    }
    return findings
  }

  private static func isCommonNoun(_ match: String) -> Bool {
    var stem = match
    for suffix in ["さん", "様", "氏"] where stem.hasSuffix(suffix) {
      stem = String(stem.dropLast(suffix.count))
    }
    stem = stem.trimmingCharacters(in: .whitespaces)
    return commonNouns.contains { stem.hasSuffix($0) }
      || ["者", "師", "員", "士", "族", "医", "長", "係", "会"].contains { stem.hasSuffix($0) }
  }
}
