import CMeCab
import Foundation

/// The MeCab morphological analyser with a UTF-8 dictionary: the only place MeCab's C pointers
/// live. One model is loaded per process (memory-mapped, shared by every thread, as MeCab allows);
/// each `tokens(of:)` call makes its own tagger and lattice, so calls may run in parallel.
final class MeCabTagger: @unchecked Sendable {
  /// A word as the analyser cut it: its text and the dictionary's features (IPA dictionary:
  /// part of speech, three sub-categories, conjugation type and form, base form, reading,
  /// pronunciation; unknown words have fewer).
  struct Token: Sendable, Hashable {
    var surface: String
    var features: [Substring]
    var partOfSpeech: Substring { features.first ?? "" }
    var subcategory: Substring { features.count > 1 ? features[1] : "" }
    var subcategory2: Substring { features.count > 2 ? features[2] : "" }
  }

  /// Where Debian's `mecab-ipadic-utf8` installs the dictionary. Tried when the default
  /// configuration (`/etc/mecabrc`) is missing or points at a dictionary in another encoding
  /// (Debian's `mecab-ipadic` is EUC-JP).
  static let debianUTF8Dictionary = "/var/lib/mecab/dic/ipadic-utf8"

  /// The process's analyser, or nil when no UTF-8 dictionary can be loaded (then keywords fall
  /// back to character bigrams, and the report says so).
  static let shared: MeCabTagger? = MeCabTagger()

  private let model: OpaquePointer
  /// The dictionary's file and character set, for the report's method note.
  let dictionary: String

  private init?() {
    for arguments in ["", "-r /dev/null -d \(Self.debianUTF8Dictionary)"] {
      guard let model = mecab_model_new2(arguments) else { continue }
      let info = mecab_model_dictionary_info(model)
      let charset = info.flatMap { $0.pointee.charset.map { String(cString: $0) } } ?? ""
      guard ["utf-8", "utf8"].contains(charset.lowercased()) else {
        mecab_model_destroy(model)
        continue
      }
      self.model = model
      dictionary = info.flatMap { $0.pointee.filename.map { String(cString: $0) } } ?? ""
      return
    }
    return nil
  }

  deinit { mecab_model_destroy(model) }

  /// The words of each text, in order (empty for a text MeCab cannot parse).
  func tokens(of texts: [String]) -> [[Token]] {
    guard let tagger = mecab_model_new_tagger(model) else { return texts.map { _ in [] } }
    defer { mecab_destroy(tagger) }
    guard let lattice = mecab_model_new_lattice(model) else { return texts.map { _ in [] } }
    defer { mecab_lattice_destroy(lattice) }
    // Each dictionary entry's features split once per call: a token's feature string points
    // into the dictionary, the same entry for every occurrence of a word, and splitting it by
    // Character was more than half of this function (each hit is checked byte for byte).
    var knownFeatures: [UnsafePointer<CChar>: (text: String, fields: [Substring])] = [:]
    func features(_ pointer: UnsafePointer<CChar>?) -> [Substring] {
      guard let pointer else { return [""] }
      if let known = knownFeatures[pointer], known.text.withCString({ strcmp($0, pointer) == 0 }) {
        return known.fields
      }
      let text = String(cString: pointer)
      let fields = text.split(separator: ",", omittingEmptySubsequences: false)
      knownFeatures[pointer] = (text, fields)
      return fields
    }
    return texts.map { text in
      // MeCab reads a C string: an answer with a NUL would be cut there, so it is split first
      // (a text without one is what `split` would give: itself, or nothing when empty).
      let parts = text.utf8.contains(0) ? text.split(separator: "\0") : text.isEmpty ? [] : [text[...]]
      return parts.flatMap { part -> [Token] in
        var words: [Token] = []
        String(part).withCString { sentence in
          mecab_lattice_set_sentence(lattice, sentence)
          guard mecab_parse_lattice(tagger, lattice) != 0 else { return }
          var node = mecab_lattice_get_bos_node(lattice)
          while let current = node {
            let stat = Int(current.pointee.stat)
            if stat == Int(MECAB_NOR_NODE) || stat == Int(MECAB_UNK_NODE),
              let surface = current.pointee.surface
            {
              // `surface` points into the sentence and is not terminated: `length` bytes.
              let bytes = UnsafeRawBufferPointer(start: surface, count: Int(current.pointee.length))
              words.append(
                Token(
                  surface: String(decoding: bytes, as: UTF8.self), features: features(current.pointee.feature)
                ))
            }
            node = current.pointee.next
          }
        }
        return words
      }
    }
  }
}
