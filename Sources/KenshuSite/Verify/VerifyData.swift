import Foundation
import KenshuModel

/// The data of the verify page (`verify/certificates.js`): the verification lists that
/// `kenshu certificates` wrote beside each programme's ledger
/// (`private/certificates/PROGRAMME/verification.json`) — salted hashes, status and what each
/// certificate was for, never a name, participant id, number or code (`VerificationList`).
/// A script file rather than JSON, so that the page works from `file://` too.
enum VerifyData {
  /// The lists of the project's programmes, in programme order; a programme without
  /// certificates yet has none (every code is then invalid).
  static func lists(for project: Project, projectRoot: URL) -> [VerificationList] {
    let folder = projectRoot.appendingPathComponent("private").appendingPathComponent("certificates")
    return project.programmes.filter { !$0.allAwards.isEmpty }.compactMap { programme in
      let file = folder.appendingPathComponent(programme.id).appendingPathComponent(VerificationList.fileName)
      guard let data = try? Data(contentsOf: file), let list = try? VerificationList.read(data),
        list.programme == programme.id
      else { return nil }
      return list
    }
  }

  /// `window.KenshuCertificates = [...];`
  static func script(_ lists: [VerificationList]) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = (try? encoder.encode(lists)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    return Data(("window.KenshuCertificates = " + json + ";\n").utf8)
  }
}
