import KenshuModel

extension Survey {
  /// Labels of the answer categories of a categorical item, in order: Likert scale labels
  /// (point 1 first), choice options, or the shared profession vocabulary. Empty otherwise.
  public func categories(of item: SurveyItem) -> [String] {
    switch item.type {
    case .likert: likertScale(of: item)?.labels ?? []
    case .single, .multiple: item.options.map(\.label)
    case .profession: Profession.allCases.map(\.japaneseLabel)
    case .numeric, .text: []
    }
  }
}

/// Text folded for matching what people type against labels and question texts: NFKC (full-
/// width digits and letters become ASCII), lower-case, CP932/JIS look-alikes unified (〜/～,
/// −/－), without white space, a required-mark `*`, or common brackets and punctuation.
func matchKey(_ text: String) -> String {
  let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
  var scalars = String.UnicodeScalarView()
  for scalar in folded.unicodeScalars {
    switch scalar {
    // Characters that CP932 and JIS decoders map differently (the "wave dash problem"):
    // a question typed with 〜 must still match an Excel export that says ～.
    case "\u{301C}", "\u{2053}", "\u{223C}": scalars.append("~")
    case "\u{2212}", "\u{2010}", "\u{2011}": scalars.append("-")
    case "\u{2015}": scalars.append("\u{2014}")
    case "\u{2225}": scalars.append("\u{2016}")
    case " ", "\t", "\n", "\r", "\u{3000}", "*", "＊", "「", "」", "『", "』", "。", "、", "?", "？", ":", "：":
      continue
    default:
      scalars.append(scalar)
    }
  }
  return String(scalars)
}

/// `matchKey` of an all-ASCII text, computed on its bytes (NFKC leaves ASCII as it is), or nil
/// when the text has other characters. For the cells read on every row (participant ids):
/// the Unicode folding cost 6 % of `kenshu evaluate` on 100,000 rows.
func asciiMatchKey(_ text: String) -> String? {
  var bytes: [UInt8] = []
  for byte in text.utf8 {
    switch byte {
    case 0x80...: return nil
    // The ASCII characters `matchKey` drops: white space, `*`, `?`, `:`.
    case 0x20, 0x09, 0x0A, 0x0D, 0x2A, 0x3F, 0x3A: continue
    case 0x41...0x5A: bytes.append(byte + 0x20)
    // The other C0 controls are kept, as `matchKey` keeps them; but NFKC of a lone CR LF pair
    // is still CR LF, dropped above.
    default: bytes.append(byte)
    }
  }
  return String(decoding: bytes, as: UTF8.self)
}
