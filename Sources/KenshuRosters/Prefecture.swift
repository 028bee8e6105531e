import KenshuModel

/// The 47 prefectures (都道府県) in JIS X 0401 code order, which is how Japanese statistics
/// list them (北海道 first, 沖縄県 last).
public enum Prefecture {
  public static let all: [String] = [
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
  ]

  /// Romanised names in the same order, for rosters written in English.
  static let romanised: [String] = [
    "hokkaido", "aomori", "iwate", "miyagi", "akita", "yamagata", "fukushima", "ibaraki", "tochigi", "gunma",
    "saitama", "chiba", "tokyo", "kanagawa", "niigata", "toyama", "ishikawa", "fukui", "yamanashi", "nagano",
    "gifu", "shizuoka", "aichi", "mie", "shiga", "kyoto", "osaka", "hyogo", "nara", "wakayama",
    "tottori", "shimane", "okayama", "hiroshima", "yamaguchi", "tokushima", "kagawa", "ehime", "kochi",
    "fukuoka",
    "saga", "nagasaki", "kumamoto", "oita", "miyazaki", "kagoshima", "okinawa",
  ]

  /// The official name for what people type: `東京` → `東京都`, `大阪` → `大阪府`, `Tokyo` →
  /// `東京都`, `Osaka-fu` → `大阪府`; nil when it is not a prefecture.
  public static func canonicalName(_ text: String) -> String? {
    if officialNames.contains(text) { return text }
    let key = Profession.normalizedKey(text)
    guard !key.isEmpty else { return nil }
    if let name = lookup[key] { return name }
    // Romanised: drop a "-to/-fu/-ken" suffix and long-vowel spellings (Tōkyō, Tookyoo, Hyōgo).
    var roman = key.replacingOccurrences(of: "ō", with: "o").replacingOccurrences(of: "oo", with: "o")
      .replacingOccurrences(of: "ou", with: "o")
    for suffix in ["prefecture", "ken", "fu", "to"] where roman.hasSuffix(suffix) && lookup[roman] == nil {
      roman.removeLast(suffix.count)
    }
    return lookup[roman]
  }

  private static let officialNames = Set(all)

  /// Official names, names without 都/府/県, and romanised names → official name.
  private static let lookup: [String: String] = {
    var table: [String: String] = [:]
    for (index, name) in all.enumerated() {
      table[name] = name
      table[stem(name)] = name
      table[romanised[index]] = name
    }
    return table
  }()

  /// JIS code (1…47) of a canonical name; used to sort.
  public static func code(of name: String) -> Int? {
    all.firstIndex(of: name).map { $0 + 1 }
  }

  private static func stem(_ name: String) -> String {
    guard name != "北海道", let last = name.last, "都府県".contains(last) else { return name }
    return String(name.dropLast())
  }
}
