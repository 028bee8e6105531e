/// The forms in which people's names and readings are compared when a file from an office is
/// matched against a roster (roster import's keep-apart names, attendance import).
public enum PersonNameKey {
  /// A name without white space (half- and full-width) and width-folded (NFKC): `山田　太郎`,
  /// `山田 太郎` and `山田太郎` are the same person. Kanji variants (髙/高, 﨑/崎) stay apart:
  /// they are how people write their own names.
  public static func name(_ text: String) -> String {
    String(text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace })
  }

  /// A reading compared like a name, with katakana folded to hiragana (`ヤマダ タロウ` =
  /// `やまだ たろう`), as offices write ふりがな in either.
  public static func kana(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in name(text).unicodeScalars {
      // Katakana ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above their hiragana.
      if (0x30A1...0x30F6).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0x60) {
        scalars.append(folded)
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
