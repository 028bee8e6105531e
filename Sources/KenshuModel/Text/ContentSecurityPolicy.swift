import Foundation

/// The one Content-Security-Policy of everything Kenshu writes or serves: site pages, the
/// evaluation report, group plans, SCORM launch pages, the preview server's own pages, and the
/// header `kenshu serve` sends (docs/deploy-nginx.md gives the same for nginx).
///
/// Scripts only from files of the same origin, never inline; no plugins; no `<base>`; forms post
/// only to the same origin; fetches only to the same origin and the collection server's.
public enum ContentSecurityPolicy {
  /// The policy text. `connectOrigin`: the origin survey forms post to when it is not the
  /// site's own. `styleHashes`: base64 SHA-256 digests of inline `<style>` blocks a
  /// self-contained page carries (see `styleHash`); scripts are never allowed inline.
  ///
  /// The text holds only characters that need no escaping in a double-quoted attribute: an
  /// origin or digest with anything else is left out (the stricter policy), so templates and
  /// `metaTag` insert it as it is and every page carries the same bytes.
  public static func policy(connectOrigin: String? = nil, styleHashes: [String] = []) -> String {
    let hashes = styleHashes.filter {
      $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
    }
    let styles = (["'self'"] + hashes.map { "'sha256-\($0)'" }).joined(separator: " ")
    let origin = connectOrigin.flatMap { isPlainOrigin($0) ? " " + $0 : nil } ?? ""
    return "default-src 'self'; script-src 'self'; style-src \(styles); img-src 'self' data: https:; "
      + "font-src 'self'; connect-src 'self'\(origin); object-src 'none'; base-uri 'none'; form-action 'self'"
  }

  /// `http(s)://host[:port]` with host characters only.
  static func isPlainOrigin(_ text: String) -> Bool {
    let lower = text.lowercased()
    guard
      let rest = ["https://", "http://"].first(where: lower.hasPrefix).map({ lower.dropFirst($0.count) }),
      !rest.isEmpty
    else { return false }
    return rest.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) }
  }

  /// The policy as an HTTP header: `frame-ancestors` (which a `<meta>` cannot carry) forbids
  /// framing the pages, survey forms included, on other sites.
  public static func header(connectOrigin: String? = nil) -> String {
    policy(connectOrigin: connectOrigin) + "; frame-ancestors 'none'"
  }

  /// The `<meta http-equiv>` element every written HTML page carries in its `<head>`.
  public static func metaTag(connectOrigin: String? = nil, styleHashes: [String] = []) -> String {
    "<meta http-equiv=\"Content-Security-Policy\" content=\""
      + policy(connectOrigin: connectOrigin, styleHashes: styleHashes) + "\">"
  }

  /// The digest that allows one inline `<style>` block: of the exact text between the tags.
  public static func styleHash(_ css: String) -> String {
    Data(SHA256Digest.hash(Array(css.utf8))).base64EncodedString()
  }

  /// The other headers every response of `kenshu serve` carries, with the policy's.
  public static func securityHeaders(connectOrigin: String? = nil) -> [(name: String, value: String)] {
    [
      ("Content-Security-Policy", header(connectOrigin: connectOrigin)),
      ("X-Content-Type-Options", "nosniff"),
      ("Referrer-Policy", "no-referrer"),
      ("X-Frame-Options", "DENY"),
    ]
  }
}
