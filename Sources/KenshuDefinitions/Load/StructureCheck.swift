import KenshuModel
import KenshuXML

/// Checks attributes and child elements against the schema model, with messages a trainer can
/// act on. libxml2's own RELAX NG messages for the same problems are terse ("failed to validate
/// attributes"), so the loader drops those and reports these instead.
struct StructureCheck {
  let schema: SchemaModel

  func check(_ element: XMLElement, spec: ElementSpec, into diagnostics: inout [Diagnostic]) {
    var suggestions = Suggestions()
    check(element, spec: spec, into: &diagnostics, suggestions: &suggestions)
  }

  /// "Did you mean" answers already worked out in this file: a file with thousands of the same
  /// typo asks the same question thousands of times, and each answer costs an edit distance to
  /// every allowed name.
  private struct Suggestions {
    private var answers: [String: [String: String?]] = [:]

    /// `closestName(name, among: candidates())`, where `context` names the candidates.
    mutating func closest(_ name: String, context: String, among candidates: () -> [String]) -> String? {
      if let known = answers[context]?[name] { return known }
      let answer = closestName(name, among: candidates())
      answers[context, default: [:]][name] = .some(answer)
      return answer
    }
  }

  private func check(
    _ element: XMLElement, spec: ElementSpec, into diagnostics: inout [Diagnostic],
    suggestions: inout Suggestions
  ) {
    let label = element.displayLabel
    for attribute in element.attributes where attribute.namespace != xmlnsNamespace {
      guard let attributeSpec = spec.attribute(attribute.name) else {
        let suggestion = suggestions.closest(
          attribute.name, context: "@" + spec.define, among: { spec.attributes.map(\.name) })
        diagnostics.append(
          .error(
            Catalogue.unknownAttribute,
            (label, element.name, attribute.name, suggestion, spec.attributes.map(\.name)),
            at: attribute.location))
        continue
      }
      if let values = attributeSpec.values, !values.contains(attribute.value) {
        let suggestion = suggestions.closest(
          attribute.value, context: "=" + spec.define + "@" + attribute.name, among: { values })
        diagnostics.append(
          .error(
            Catalogue.invalidValue, (label, attribute.name, attribute.value, values, suggestion),
            at: attribute.location))
      }
    }
    for attributeSpec in spec.attributes where attributeSpec.required {
      if element.attribute(attributeSpec.name) == nil {
        diagnostics.append(
          .error(
            Catalogue.missingAttribute, (label, attributeSpec.name, attributeSpec.example),
            at: element.location))
      }
    }
    if !spec.allowsText {
      for case .text(let text) in element.content
      where !text.unicodeScalars.allSatisfy({
        $0.isASCII ? $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" : $0.properties.isWhitespace
      }) {
        diagnostics.append(
          .error(
            Catalogue.unexpectedText, (label, text.trimmedPreview, !spec.children.isEmpty),
            at: element.location))
        break
      }
    }
    // Each child's spec is looked up once for both passes below: three dictionary look-ups and
    // a copy of the spec each, twice per element, were a fifth of this check on a programme of
    // 80,000 sessions.
    let children = element.children
    let childSpecs = children.map { child in
      child.namespace == kenshuNamespace ? schema.spec(forChild: child.name, of: spec.define) : nil
    }
    var seen: [String: Int] = [:]
    for (child, childSpec) in zip(children, childSpecs) where child.namespace == kenshuNamespace {
      if let define = childSpec?.define {
        seen[define, default: 0] += 1
        if seen[define] == 2, !spec.repeatableChildren.contains(define) {
          diagnostics.append(.error(Catalogue.duplicateElement, (label, child.name), at: child.location))
        }
      }
    }
    for define in spec.children where spec.requiredChildren.contains(define) && seen[define] == nil {
      guard let childName = schema.elements[define]?.name else { continue }
      diagnostics.append(.error(Catalogue.missingElement, (label, childName), at: element.location))
    }
    for (child, childSpec) in zip(children, childSpecs) {
      guard child.namespace == kenshuNamespace else {
        diagnostics.append(
          .error(Catalogue.childNotInNamespace, (child.name, kenshuNamespace), at: child.location))
        continue
      }
      guard let childSpec else {
        let allowed = spec.children.compactMap { schema.elements[$0]?.name }
        let suggestion = suggestions.closest(child.name, context: "<" + spec.define, among: { allowed })
        diagnostics.append(
          .error(Catalogue.unknownElement, (child.name, label, suggestion, allowed), at: child.location))
        continue
      }
      check(child, spec: childSpec, into: &diagnostics, suggestions: &suggestions)
    }
  }
}

let kenshuNamespace = "urn:kenshu:1"
private let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

extension XMLElement {
  /// `<session> "gw1"`, or `<session>` when it has no id.
  var displayLabel: String {
    if let id = attribute("id") { return "<\(name)> \"\(id)\"" }
    return "<\(name)>"
  }
}

extension XMLElementView {
  /// `<session> "gw1"`, or `<session>` when it has no id.
  var displayLabel: String {
    if let id = attribute("id") { return "<\(name)> \"\(id)\"" }
    return "<\(name)>"
  }
}

extension String {
  /// The first 30 characters, trimmed, for quoting in messages.
  var trimmedPreview: String {
    let trimmed = normalizeXMLText(self)
    return trimmed.count > 30 ? String(trimmed.prefix(30)) + "…" : trimmed
  }
}

/// The candidate closest to `name` by edit distance, when close enough to be a typo (at most 1
/// edit for names under 4 characters, 2 otherwise). Candidates whose length differs by more
/// than 2 cannot be that close and are skipped without computing a distance: a file with
/// thousands of different unknown names asks this thousands of times.
func closestName(_ name: String, among candidates: [String]) -> String? {
  let target = Array(name.lowercased().unicodeScalars)
  var best: (name: String, distance: Int)?
  for candidate in candidates {
    let scalars = Array(candidate.lowercased().unicodeScalars)
    // Farther than 2 edits: it can be neither a suggestion nor beat one.
    let distance = abs(scalars.count - target.count) > 2 ? 3 : editDistance(target, scalars)
    if best == nil || distance < best!.distance { best = (candidate, distance) }
  }
  guard let best else { return nil }
  return best.distance <= (best.name.count >= 4 ? 2 : 1) ? best.name : nil
}

/// Levenshtein distance with two rows reused for the whole computation.
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = Array(repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = Swift.min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
