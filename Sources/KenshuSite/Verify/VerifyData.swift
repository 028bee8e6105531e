import Foundation
import KenshuModel

/// The data of the verify page (`verify/certificates.js`): the public registers that
/// `kenshu certificates` wrote into the project (`verification/PROGRAMME.json`, committed, so
/// a build on any machine has them) — salted hashes, status and what each certificate was
/// for, never a name, participant id, number or code (`VerificationList`). Nothing under
/// `private/` is read. A script file rather than JSON, so that the page works from `file://` too.
enum VerifyData {
  /// The registers of the project's programmes, in programme order; a programme without
  /// certificates yet has none (every code is then invalid).
  static func lists(for project: Project, projectRoot: URL) -> [VerificationList] {
    project.programmes.filter { !$0.allAwards.isEmpty }.compactMap { programme in
      let file = VerificationList.registerFile(for: programme.id, root: projectRoot)
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
