import Foundation
import KenshuModel

/// Training cases come from real practice; this warns when a case or scenario looks like it
/// still carries personal data (phone numbers, dates of birth, insurance numbers, real-looking
/// names with 様/さん). A heuristic: it warns, it never blocks a build.
struct PersonalDataCheck {
  let project: Project
  let content: ContentFiles

  func run() -> [Diagnostic] {
    var findings = ContentFileFindings()
    return run(&findings)
  }

  /// The diagnostics, each file's and each inline block's kept in `findings` (and taken from
  /// it when not edited).
  func run(_ findings: inout ContentFileFindings) -> [Diagnostic] {
    if findings.patches {
      return findings.patch { paths in
        let wanted = Array(paths)
        var found: [String: [Diagnostic]] = [:]
        forEachScannedBlock { block, owner in
          if case .file(let path) = block.source, wanted.contains(path), found[path] == nil {
            found[path] = scan(path, owner: owner())
          }
        }
        return found
      }
    }
    var diagnostics: [Diagnostic] = []
    var scanned: Set<String> = []
    forEachScannedBlock { block, owner in
      switch block.source {
      case .inline(let text):
        var found: [Diagnostic] = []
        let base = block.location ?? SourceLocation(file: "?")
        for finding in PersonalDataPatterns.findings(in: text) {
          // The block's location is where its text starts (see `inlineMarkdown`); every line
          // of the text lost the same indentation, so columns shift by it.
          let column =
            base.column > 0 ? base.column - 1 + finding.column : (finding.line > 0 ? finding.column : 0)
          let location = SourceLocation(file: base.file, line: base.line + finding.line, column: column)
          found.append(warning(finding, owner: owner(), at: location))
        }
        diagnostics += findings.inline(found)
      case .file(let path):
        guard scanned.insert(path).inserted else { return }
        diagnostics += findings.findings(in: path) { scan(path, owner: owner()) }
      }
    }
    return diagnostics
  }

  /// Calls `body` with each case's and scenario's text, in order, and its owner as messages
  /// name it, described only when asked for.
  private func forEachScannedBlock(_ body: (MarkdownBlock, () -> String) -> Void) {
    for session in project.programmes.lazy.flatMap({ $0.courses.lazy.flatMap(\.sessions) }) {
      for item in session.groupWork?.cases ?? [] { body(item.body, { "case \"\(item.title)\"" }) }
    }
    for module in project.modules {
      for scenario in module.scenarios { body(scenario.situation, { "scenario \"\(scenario.id)\"" }) }
    }
  }

  private func scan(_ path: String, owner: String) -> [Diagnostic] {
    guard let text = content.read(path)?.text else { return [] }
    return PersonalDataPatterns.findings(in: text).map { finding in
      let location = SourceLocation(
        file: content.displayName(path), line: finding.line + 1, column: finding.column)
      return warning(finding, owner: owner, at: location)
    }
  }

  private func warning(_ finding: PersonalDataPatterns.Finding, owner: String, at location: SourceLocation)
    -> Diagnostic
  {
    .warning(Catalogue.possiblePersonalData, (owner, finding.kindWording, finding.text), at: location)
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

    /// What was found, as a message names it in each language.
    var kindWording: Bilingual {
      let japanese =
        switch kind {
        case PersonalDataPatterns.phone: "電話番号"
        case PersonalDataPatterns.birth: "生年月日"
        case PersonalDataPatterns.insurance: "保険証の番号やマイナンバー"
        case PersonalDataPatterns.name: "実名らしい名前"
        default: kind
        }
      return Bilingual(ja: japanese, en: kind)
    }
  }

  /// What a line holds, counted in one pass, so that each pattern runs only on lines where it
  /// could match: regular expressions were the loader's hot spot.
  private struct LineTraits {
    var asciiDigits = 0
    var hasMonth = false
    var hasHonorific = false
    var hasNumberKeyword = false
    var hasBirthKeyword = false

    init(_ line: Substring) {
      // The scalar before an honorific, skipping one space: a name pattern needs Japanese there
      // (so "Aさん" never runs the expression). p1 is the previous scalar, p2 and p3 before it.
      var p1: Unicode.Scalar = " "
      var p2: Unicode.Scalar = " "
      var p3: Unicode.Scalar = " "
      func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}" || scalar == "\t"
      }
      for scalar in line.unicodeScalars {
        switch scalar.value {
        case 0x30...0x39: asciiDigits += 1
        case 0x6708: hasMonth = true  // 月
        case 0x69D8, 0x6C0F:  // 様, 氏
          if Self.isJapanese(isSpace(p1) ? p2 : p1) { hasHonorific = true }
        case 0x3093 where p1 == "さ":  // さん
          if Self.isJapanese(isSpace(p2) ? p3 : p2) { hasHonorific = true }
        case 0x756A, 0x30DE: hasNumberKeyword = true  // 番 (番号), マ (マイナンバー)
        case 0x751F: hasBirthKeyword = true  // 生 (生年月日), also 誕生日
        default: break
        }
        p3 = p2
        p2 = p1
        p1 = scalar
      }
    }

    /// Kanji or kana, the characters a name before 様/さん/氏 ends with.
    private static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
      (0x3041...0x30FF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
        || (0x3400...0x4DBF).contains(scalar.value)
    }
  }

  /// A pattern and the lines it can match at all.
  private struct Pattern {
    var kind: String
    var applies: @Sendable (LineTraits) -> Bool
    var expression: CompiledOnDemand

    init(_ kind: String, when applies: @escaping @Sendable (LineTraits) -> Bool, _ pattern: String) {
      self.kind = kind
      self.applies = applies
      self.expression = CompiledOnDemand(pattern)
    }
  }

  /// A regular expression compiled the first time a line needs it: most projects have no line
  /// any pattern applies to, and compiling all of them cost every `kenshu validate` a
  /// millisecond before the first file.
  private final class CompiledOnDemand: @unchecked Sendable {
    private let pattern: String
    private let lock = NSLock()
    /// nil until compiled; then the expression, or nil when the pattern does not compile.
    private var compiled: NSRegularExpression??

    init(_ pattern: String) { self.pattern = pattern }

    var regex: NSRegularExpression? {
      lock.withLock {
        if let compiled { return compiled }
        let regex = try? NSRegularExpression(pattern: pattern)
        compiled = .some(regex)
        return regex
      }
    }
  }

  fileprivate static let phone = "a phone number"
  fileprivate static let birth = "a date of birth"
  fileprivate static let insurance = "an insurance or My Number"
  fileprivate static let name = "a real-looking name"

  private static let patterns: [Pattern] = [
    Pattern(
      phone, when: { $0.asciiDigits >= 7 },
      #"(?<![0-9０-９#])0[0-9]{1,4}[-‐－ー()（）][0-9]{1,4}[-‐－ー()（）][0-9]{3,4}(?![0-9])"#),
    Pattern(phone, when: { $0.asciiDigits >= 11 }, #"(?<![0-9])0[789]0[0-9]{8}(?![0-9])"#),
    Pattern(birth, when: { $0.hasBirthKeyword }, #"(生年月日|誕生日)\s*[:：]?\s*[0-9０-９明大昭平令][^\s、。，,）)]{0,20}"#),
    Pattern(
      birth, when: { $0.hasMonth && $0.hasBirthKeyword },
      #"(明治|大正|昭和|平成|令和|[0-9]{4}年)\s*[0-9０-９]{1,2}年?[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*生"#),
    Pattern(
      insurance, when: { $0.hasNumberKeyword },
      #"(被保険者番号|保険者番号|マイナンバー|個人番号)\s*[:：]?\s*[0-9０-９][0-9０-９ -]*"#),
    Pattern(
      insurance, when: { $0.asciiDigits >= 10 },
      #"(?<![0-9])[0-9]{10}(?![0-9])|(?<![0-9])[0-9]{4}[- ][0-9]{4}[- ][0-9]{4}(?![0-9])"#),
    Pattern(name, when: { $0.hasHonorific }, #"[\p{Han}]{2,4}[\p{Han}ぁ-んァ-ヶ]{0,3}\s?(様|さん|氏)"#),
  ]

  /// Words before さん/様 that are roles or relations, not names.
  private static let commonNouns: [String] = [
    "患者", "利用者", "家族", "息子", "娘", "奥", "旦那", "夫", "妻", "父", "母", "祖父", "祖母", "本人", "相手",
    "皆", "皆様", "職員", "看護師", "医師", "先生", "主治医", "担当", "相談員", "介護士", "薬剤師", "訪問者",
    "お客", "同僚", "上司", "管理者", "お隣", "近所", "ご家族", "ご本人", "長男", "長女", "次男", "次女", "嫁",
    "兄", "姉", "弟", "妹", "孫", "親族", "友人", "知人", "男性", "女性", "高齢者", "被害者", "加害者",
  ]

  static func findings(in text: String) -> [Finding] {
    var findings: [Finding] = []
    for (index, line) in linesThatMayMatch(text) {
      let traits = LineTraits(Substring(line))
      // Most lines match no pattern's traits: decide that before building anything.
      guard patterns.contains(where: { $0.applies(traits) }) else { continue }
      findings += lineFindings(line, index: index, patterns: patterns.filter { $0.applies(traits) })
    }
    return findings
  }

  /// One match kept for a line: where it is (UTF-16 offsets, as NSRegularExpression gives them)
  /// and what it is.
  private struct Match {
    var range: NSRange
    var kind: String
    var end: Int { range.location + range.length }
  }

  /// The findings of one line, in the order they appear. Linear in the line's length and the
  /// number of matches, whatever their count: a single line with tens of thousands of matches
  /// once took a minute, because each match looked through all earlier ones and counted its
  /// column from the start of the line.
  private static func lineFindings(_ line: String, index: Int, patterns applicable: [Pattern]) -> [Finding] {
    let range = NSRange(line.startIndex..., in: line)
    // Kept matches, sorted by offset and never overlapping: two patterns can match the same
    // text (被保険者番号：1234567890 and 1234567890), which is said once, by the earlier pattern.
    var kept: [Match] = []
    for pattern in applicable {
      guard let regex = pattern.expression.regex else { continue }
      var fresh: [Match] = []
      var next = 0
      for match in regex.matches(in: line, range: range) {
        let candidate = Match(range: match.range, kind: pattern.kind)
        while next < kept.count, kept[next].end <= candidate.range.location { next += 1 }
        if next < kept.count, kept[next].range.location < candidate.end { continue }
        if pattern.kind == name, let swiftRange = Range(match.range, in: line),
          isCommonNoun(String(line[swiftRange]))
        {
          continue
        }
        fresh.append(candidate)
      }
      kept = merged(kept, fresh)
    }
    // Columns count characters, as editors show them; walking forward once serves every match.
    var findings: [Finding] = []
    findings.reserveCapacity(kept.count)
    var position = line.startIndex
    var column = 1
    for match in kept {
      guard let swiftRange = Range(match.range, in: line) else { continue }
      column += line.distance(from: position, to: swiftRange.lowerBound)
      position = swiftRange.lowerBound
      findings.append(Finding(kind: match.kind, text: String(line[swiftRange]), line: index, column: column))
    }
    return findings
  }

  /// Two lists of matches sorted by offset, as one sorted list.
  private static func merged(_ a: [Match], _ b: [Match]) -> [Match] {
    if b.isEmpty { return a }
    if a.isEmpty { return b }
    var result: [Match] = []
    result.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if j == b.count || (i < a.count && a[i].range.location <= b[j].range.location) {
        result.append(a[i])
        i += 1
      } else {
        result.append(b[j])
        j += 1
      }
    }
    return result
  }

  /// A byte-level screen run before `LineTraits`: a line can satisfy some pattern's traits only
  /// with 7 or more ASCII digits or one of 様 氏 ん 番 マ 生 in it (the characters the traits
  /// look for). Decoding every line into scalars was the slowest part of the project checks.
  private static func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        if digits >= 7 { return true }
      } else if (byte == 0xE3 || byte == 0xE6 || byte == 0xE7) && index + 2 < bytes.count {
        switch (byte, bytes[index + 1], bytes[index + 2]) {
        case (0xE6, 0xA7, 0x98),  // 様
          (0xE6, 0xB0, 0x8F),  // 氏
          (0xE3, 0x82, 0x93),  // ん
          (0xE7, 0x95, 0xAA),  // 番
          (0xE3, 0x83, 0x9E),  // マ
          (0xE7, 0x94, 0x9F):  // 生
          return true
        default: break
        }
      }
      index += 1
    }
    return false
  }

  /// The lines (0-based number and text) that pass `mayMatch`, split at line feeds in the
  /// contiguous UTF-8 of the text (the generic `split` of `UTF8View` cost more than the rest).
  private static func linesThatMayMatch(_ text: String) -> [(index: Int, line: String)] {
    var text = text
    return text.withUTF8 { bytes in
      var lines: [(index: Int, line: String)] = []
      var number = 0
      var start = 0
      func consider(_ range: Range<Int>) {
        let line = UnsafeBufferPointer(rebasing: bytes[range])
        if mayMatch(line) { lines.append((number, String(decoding: line, as: UTF8.self))) }
        number += 1
      }
      for position in 0..<bytes.count where bytes[position] == 0x0A {
        consider(start..<position)
        start = position + 1
      }
      consider(start..<bytes.count)
      return lines
    }
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
