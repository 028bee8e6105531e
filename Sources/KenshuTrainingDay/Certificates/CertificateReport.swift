import Foundation
import KenshuModel

extension CertificateRun {
  /// `{"issued": [{"participant", "number", "code", "award", "new"}], "not_eligible":
  /// [{"participant", "award", "missing": […]}], "revoked": [{"participant", "number"}],
  /// "superseded": [{"participant", "number", "by"}]}` with
  /// sorted keys, for the organiser's scripts (it names people by id: keep it private).
  public func json() -> String {
    let string = JSONString.quoted
    let issued = self.issued.map {
      "{\"award\":\(string($0.entry.award)),\"code\":\(string($0.entry.code)),\"new\":\($0.isNew),"
        + "\"number\":\(string($0.entry.number)),\"participant\":\(string($0.entry.participant))}"
    }
    let notEligible = self.notEligible.map {
      "{\"award\":\(string($0.award)),\"missing\":[\($0.missing.map(string).joined(separator: ","))],"
        + "\"participant\":\(string($0.participant))}"
    }
    let revoked = self.revoked.map {
      "{\"number\":\(string($0.number)),\"participant\":\(string($0.participant))}"
    }
    let superseded = self.superseded.map {
      "{\"by\":\(string($0.supersededBy ?? "")),\"number\":\(string($0.number)),"
        + "\"participant\":\(string($0.participant))}"
    }
    return
      "{\"issued\":[\(issued.joined(separator: ","))],\"not_eligible\":[\(notEligible.joined(separator: ","))],"
      + "\"revoked\":[\(revoked.joined(separator: ","))],\"superseded\":[\(superseded.joined(separator: ","))]}\n"
  }

  /// One line per certificate and per person not eligible, then the totals.
  public func text() -> String {
    var lines: [String] = []
    for certificate in issued {
      let entry = certificate.entry
      lines.append(
        "\(certificate.isNew ? "new   " : "issued") \(entry.number)  \(entry.participant) \(entry.name)  "
          + "\(entry.kind.japaneseLabel)  \(CertificatePage.hours(entry.minutes))")
    }
    for entry in revoked { lines.append("取消 revoked \(entry.number)  \(entry.participant)") }
    for entry in superseded {
      lines.append("差替 superseded \(entry.number)  \(entry.participant) → \(entry.supersededBy ?? "")")
    }
    for person in notEligible {
      lines.append("not eligible  \(person.participant): missing " + person.missing.joined(separator: ", "))
    }
    let new = issued.filter(\.isNew).count
    lines.append(
      "\(issued.count) certificates (\(new) new), \(revoked.count) revoked, \(superseded.count) superseded, "
        + "\(notEligible.count) not eligible"
    )
    return lines.joined(separator: "\n") + "\n"
  }
}
