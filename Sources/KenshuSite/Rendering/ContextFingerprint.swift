/// Hashes a template context — the exact values a page template is rendered with.
///
/// A page is the theme's templates applied to its context, wrapped in its layout frame; a hash
/// of those is a hash of everything the page shows, whatever the context builder read to make
/// them. Nothing has to be listed by hand, so no input can be forgotten.
///
/// Dictionaries are hashed in key order (their own order differs from run to run). A value of
/// a type not listed here makes the context unhashable (nil): such a page is always rendered.
enum ContextFingerprint {
  /// Feeds `value` to `hasher`; false when it holds a value this cannot hash.
  static func combine(_ value: Any, into hasher: inout Hasher) -> Bool {
    switch value {
    case let text as String:
      hasher.combine(1)
      hasher.combineUTF8(text)
    case let flag as Bool:
      hasher.combine(2)
      hasher.combine(flag)
    case let number as Int:
      hasher.combine(3)
      hasher.combine(number)
    case let texts as [String]:
      hasher.combine(4)
      hasher.combine(texts.count)
      for text in texts { hasher.combineUTF8(text) }
    case let list as [Any]:
      hasher.combine(5)
      hasher.combine(list.count)
      for item in list where !combine(item, into: &hasher) { return false }
    case let table as [String: String]:
      hasher.combine(6)
      hasher.combine(table.count)
      for key in table.keys.sorted() {
        hasher.combineUTF8(key)
        hasher.combineUTF8(table[key] ?? "")
      }
    case let dictionary as [String: Any]:
      hasher.combine(7)
      hasher.combine(dictionary.count)
      for key in dictionary.keys.sorted() {
        hasher.combineUTF8(key)
        guard let item = dictionary[key], combine(item, into: &hasher) else { return false }
      }
    default:
      return false
    }
    return true
  }
}
