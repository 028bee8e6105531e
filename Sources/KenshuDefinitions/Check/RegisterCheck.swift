import Foundation
import KenshuModel

/// The public certificate registers (`verification/PROGRAMME.json`) are what the verify page
/// publishes, and they are committed: each must belong to a programme with awards, read as a
/// register, hold only the fields a register has — never a name or id of anyone on a roster —
/// and be as new as the programme's ledger when the ledger is on this machine.
struct RegisterCheck {
  let project: Project
  /// The project folder.
  let root: URL
  let displayRoot: URL

  func run() -> [Diagnostic] {
    let folder = ProjectLayout(root: root).verification
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({
        $0.hasSuffix(".json") && !$0.hasPrefix(".")
      })
    else { return [] }
    var diagnostics: [Diagnostic] = []
    for name in names.sorted() {
      diagnostics += check(folder.appendingPathComponent(name), programme: String(name.dropLast(5)))
    }
    return diagnostics
  }

  private func check(_ file: URL, programme id: String) -> [Diagnostic] {
    let shown = display(file)
    let at = SourceLocation(file: shown)
    guard let programme = project.programme(id), !programme.allAwards.isEmpty else {
      return [.error(Catalogue.registerUnknownProgramme, (shown, id), at: at)]
    }
    guard let data = try? Data(contentsOf: file),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else {
      return [
        .error(
          Catalogue.registerUnreadable, (shown, Bilingual(ja: "JSON ではありません", en: "it is not JSON")), at: at)
      ]
    }
    // Fields first: a register with a "name" must be reported as such, not as unreadable.
    var extra = Set(object.keys).subtracting(VerificationList.allowedKeys)
    for entry in object["entries"] as? [[String: Any]] ?? [] {
      extra.formUnion(Set(entry.keys).subtracting(VerificationList.allowedEntryKeys))
    }
    if !extra.isEmpty {
      return [
        .error(
          Catalogue.registerNotPublic, (shown, extra.sorted().map { "\"\($0)\"" }.joined(separator: ", ")),
          at: at)
      ]
    }
    let list: VerificationList
    do {
      list = try VerificationList.read(data)
    } catch {
      return [
        .error(
          Catalogue.registerUnreadable,
          (shown, Bilingual(ja: "登録の形になっていません", en: "it does not have the register's fields")), at: at)
      ]
    }
    var diagnostics: [Diagnostic] = []
    let hex = Set("0123456789abcdef")
    if list.programme != id {
      diagnostics.append(.error(Catalogue.registerUnknownProgramme, (shown, list.programme), at: at))
    }
    let malformed = list.entries.filter {
      $0.digest.count != 64 || !$0.digest.allSatisfy(hex.contains)
        || !VerificationList.statuses.contains($0.status)
    }
    if !malformed.isEmpty || list.salt.isEmpty {
      diagnostics.append(
        .error(
          Catalogue.registerUnreadable,
          (
            shown,
            Bilingual(
              ja: "ハッシュか状態が正しくない項目が \(malformed.count) 件あります",
              en: "\(malformed.count) entries have a malformed digest or status")
          ), at: at))
    }
    // Titles and dates come from the definition; a roster name or id there is a leak.
    let texts = [list.programmeTitle] + list.entries.flatMap { [$0.title, $0.dates, $0.issued] }
    let people = project.rosters.flatMap(\.people)
    if let person = people.first(where: { person in
      texts.contains { text in
        (person.name.count >= 2 && text.contains(person.name))
          || (person.id.count >= 3 && text.contains(person.id))
      }
    }) {
      _ = person
      diagnostics.append(
        .error(Catalogue.registerNotPublic, (shown, "氏名か受講者ID / a roster name or id"), at: at))
    }
    let ledger = root.appendingPathComponent("private/certificates/\(id)/ledger.csv")
    if let ledgerDate = modified(ledger), let registerDate = modified(file), ledgerDate > registerDate + 1 {
      diagnostics.append(.warning(Catalogue.registerOutOfDate, (shown, display(ledger)), at: at))
    }
    return diagnostics
  }

  private func modified(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
  }

  private func display(_ url: URL) -> String {
    let base = displayRoot.standardizedFileURL.path
    let path = url.standardizedFileURL.path
    return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
  }
}
