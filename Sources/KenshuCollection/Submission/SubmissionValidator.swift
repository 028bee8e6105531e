import Foundation
import KenshuEvaluation
import KenshuModel

/// A submission that passed validation: answers in canonical form, ready to store.
public struct AcceptedAnswers: Sendable, Hashable {
  /// Trimmed participant id, when given.
  public var participant: String?
  /// Canonical answers by CSV column name: Likert points as integers, option and profession
  /// labels as strings, multiple choice as arrays of labels, numbers, free text verbatim.
  /// Items left unanswered are absent.
  public var answers: [String: JSONValue]
}

/// Checks a submission against its survey: every key is a known item (column), every value has
/// the item's type and lies in its range or among its options, texts are bounded, required
/// items are present. All problems are collected, none thrown.
public struct SubmissionValidator: Sendable {
  public var survey: Survey
  public var limits: SubmissionLimits

  public init(survey: Survey, limits: SubmissionLimits = .standard) {
    self.survey = survey
    self.limits = limits
  }

  /// The canonical answers, or every problem found.
  public func validate(_ submission: SurveySubmission) -> Verdict<AcceptedAnswers> {
    var problems: [SubmissionProblem] = []
    let participant = ParticipantID.check(submission.participant, limits: limits, problems: &problems)

    var columns: [String: (item: SurveyItem, part: ColumnPart)] = [:]
    for item in survey.items {
      if item.retrospective {
        columns[item.id + ".before"] = (item, .before)
        columns[item.id + ".now"] = (item, .now)
        // A bare id answers "now", as the CSV reader takes it.
        columns[item.id] = (item, .now)
      } else {
        columns[item.id] = (item, .whole)
      }
    }

    var accepted: [String: JSONValue] = [:]
    for key in submission.answers.keys.sorted() {
      guard let value = submission.answers[key] else { continue }
      guard let (item, part) = columns[key] else {
        problems.append(
          SubmissionProblem(
            .unknownItem, item: String(key.prefix(64)), "調査にない項目です / no such item in this survey"))
        continue
      }
      let column = part == .whole ? item.id : item.id + "." + part.rawValue
      if accepted[column] != nil {
        problems.append(
          SubmissionProblem(.wrongType, item: key, "同じ項目に二つの回答があります / item answered twice"))
        continue
      }
      switch canonical(value, for: item, key: key) {
      case .success(let answer?): accepted[column] = answer
      case .success(nil): break
      case .failure(let problem): problems.append(problem)
      }
    }
    for item in survey.items where item.required {
      let column = item.retrospective ? item.id + ".now" : item.id
      if accepted[column] == nil, !problems.contains(where: { $0.item == item.id || $0.item == column }) {
        problems.append(
          SubmissionProblem(.requiredMissing, item: item.id, "必須項目に回答がありません / required item not answered"))
      }
    }
    if !problems.isEmpty { return .rejected(problems) }
    return .accepted(AcceptedAnswers(participant: participant, answers: accepted))
  }

  enum ColumnPart: String {
    case whole, before, now
  }

  /// One value in canonical form; nil for "no answer" (null, empty string, empty array).
  func canonical(_ value: JSONValue, for item: SurveyItem, key: String) -> Result<
    JSONValue?, SubmissionProblem
  > {
    if value == .null || value == .string("") || value == .array([]) { return .success(nil) }
    func problem(_ code: SubmissionProblem.Code, _ message: String) -> Result<JSONValue?, SubmissionProblem> {
      .failure(SubmissionProblem(code, item: key, message))
    }
    switch item.type {
    case .likert:
      let labels = survey.likertScale(of: item)?.labels ?? []
      switch value {
      case .number(let number):
        guard number.rounded() == number else {
          return problem(.wrongType, "整数で答えてください / expected a whole number")
        }
        guard number >= 1, number <= Double(labels.count) else {
          return problem(.outOfRange, "1〜\(labels.count) の範囲外です / outside 1…\(labels.count)")
        }
        return .success(.number(number))
      case .string(let text):
        if let index = labels.firstIndex(of: text) { return .success(.number(Double(index + 1))) }
        if let number = Int(text) {
          guard (1...max(labels.count, 1)).contains(number) else {
            return problem(.outOfRange, "1〜\(labels.count) の範囲外です / outside 1…\(labels.count)")
          }
          return .success(.number(Double(number)))
        }
        return problem(.unknownOption, "尺度にない選択肢です / not a label of the item's scale")
      default:
        return problem(.wrongType, "数値が必要です（\(value.typeName) は不可）/ expected a number, got \(value.typeName)")
      }
    case .single, .profession:
      guard case .string(let text) = value else {
        return problem(.wrongType, "文字列が必要です / expected a string, got \(value.typeName)")
      }
      if let failure = checkText(text, maximum: limits.textLength, key: key) { return .failure(failure) }
      if item.type == .profession {
        let profession = Profession.allCases.first { $0.japaneseLabel == text } ?? Profession(parsing: text)
        guard let profession else { return problem(.unknownOption, "職種の一覧にありません / not a known profession") }
        return .success(.string(profession.japaneseLabel))
      }
      if item.options.contains(where: { $0.label == text }) || item.allowOther {
        return .success(.string(text))
      }
      return problem(.unknownOption, "選択肢にありません / not one of the item's options")
    case .multiple:
      guard case .array(let elements) = value else {
        return problem(.wrongType, "文字列の配列が必要です / expected an array of strings, got \(value.typeName)")
      }
      var labels: [String] = []
      for element in elements {
        guard case .string(let text) = element else {
          return problem(.wrongType, "文字列の配列が必要です / expected an array of strings")
        }
        if let failure = checkText(text, maximum: limits.textLength, key: key) { return .failure(failure) }
        if text.isEmpty { continue }
        guard item.options.contains(where: { $0.label == text }) || item.allowOther else {
          return problem(.unknownOption, "選択肢にありません / not one of the item's options")
        }
        guard !labels.contains(text) else {
          return problem(.duplicateOption, "同じ選択肢が二度あります / option given twice")
        }
        labels.append(text)
      }
      guard elements.count <= item.options.count + (item.allowOther ? 1 : 0) else {
        return problem(.duplicateOption, "選択肢の数より多い回答です / more answers than options")
      }
      return .success(labels.isEmpty ? nil : .array(labels.map(JSONValue.string)))
    case .numeric:
      guard case .number(let number) = value, number.isFinite else {
        return problem(.wrongType, "数値が必要です / expected a number, got \(value.typeName)")
      }
      if let minimum = item.minimum, number < minimum {
        return problem(.outOfRange, "最小値より小さい値です / below the item's minimum")
      }
      if let maximum = item.maximum, number > maximum {
        return problem(.outOfRange, "最大値より大きい値です / above the item's maximum")
      }
      return .success(.number(number))
    case .text:
      guard case .string(let text) = value else {
        return problem(.wrongType, "文字列が必要です / expected a string, got \(value.typeName)")
      }
      let maximum = min(item.maxLength ?? limits.textLength, limits.textLength)
      if let failure = checkText(text, maximum: maximum, key: key, allowLineBreaks: true) {
        return .failure(failure)
      }
      // Stored verbatim: escaping is every output's job, not the store's.
      return .success(.string(text))
    }
  }

  /// Length in characters (as people count them) and characters no output can carry.
  func checkText(_ text: String, maximum: Int, key: String, allowLineBreaks: Bool = false)
    -> SubmissionProblem?
  {
    // Bound the work before counting grapheme clusters on a huge string.
    if text.utf8.count > maximum * 16 || text.count > maximum {
      return SubmissionProblem(
        .tooLong, item: key, "\(maximum) 文字を超えています / longer than \(maximum) characters")
    }
    let forbidden = text.unicodeScalars.contains { scalar in
      if allowLineBreaks, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
      return scalar.properties.generalCategory == .control
    }
    if forbidden {
      return SubmissionProblem(
        .invalidCharacter, item: key, "制御文字は使えません / control characters are not allowed")
    }
    return nil
  }
}

/// Participant ids as submitted: trimmed, bounded, printable.
enum ParticipantID {
  static func check(_ raw: String?, limits: SubmissionLimits, problems: inout [SubmissionProblem]) -> String?
  {
    guard let raw else { return nil }
    let id = raw.trimmingCharacters(in: .whitespaces)
    if id.isEmpty {
      problems.append(
        SubmissionProblem(.invalidParticipant, item: "participant", "参加者IDが空です / empty participant id"))
      return nil
    }
    if id.count > limits.participantLength
      || id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    {
      problems.append(
        SubmissionProblem(
          .invalidParticipant, item: "participant",
          "参加者IDは \(limits.participantLength) 文字以内の表示可能な文字です / participant id too long or not printable"))
      return nil
    }
    return id
  }
}
