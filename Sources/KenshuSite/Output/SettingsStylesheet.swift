import Foundation
import KenshuModel

/// `assets/settings.css`: the project's colours as CSS custom properties. A stylesheet file
/// rather than inline styles, which the Content-Security-Policy forbids.
enum SettingsStylesheet {
  static func css(for settings: SiteSettings, diagnostics: inout [Diagnostic]) -> String {
    var css = "/* Generated from kenshu.xml site settings. */\n"
    guard let accent = settings.accentColour?.trimmingCharacters(in: .whitespaces), !accent.isEmpty else {
      return css
    }
    guard let rgb = hexColour(accent) else {
      diagnostics.append(
        .warning(
          "site-accent-invalid", at: SourceLocation(file: "kenshu.xml"),
          "アクセント色は #RRGGBB で指定してください / accent colour must be #RRGGBB or #RGB: \(accent)"))
      return css
    }
    let onAccent = contrast(rgb, (255, 255, 255)) >= contrast(rgb, (0, 0, 0)) ? "#ffffff" : "#000000"
    if contrast(rgb, (251, 250, 247)) < 4.5 {
      diagnostics.append(
        .warning(
          "site-accent-contrast", at: SourceLocation(file: "kenshu.xml"),
          "アクセント色 \(accent) は背景とのコントラストが 4.5:1 未満です / accent \(accent) has contrast below 4.5:1 against the page",
          hint: "choose a darker colour"))
    }
    css +=
      "@media (prefers-color-scheme: light) { :root { --accent: \(accent); --accent-contrast: \(onAccent); } }\n"
    css += "@media print { :root { --accent: \(accent); } }\n"
    return css
  }

  /// Parses `#RGB` or `#RRGGBB`; anything else (which could inject CSS) is refused.
  static func hexColour(_ text: String) -> (Int, Int, Int)? {
    guard text.hasPrefix("#") else { return nil }
    var digits = String(text.dropFirst())
    guard digits.allSatisfy(\.isHexDigit), digits.count == 3 || digits.count == 6 else { return nil }
    if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
    guard let value = Int(digits, radix: 16) else { return nil }
    return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
  }

  /// WCAG 2 contrast ratio.
  static func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
    func luminance(_ c: (Int, Int, Int)) -> Double {
      func channel(_ v: Int) -> Double {
        let s = Double(v) / 255
        return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
      }
      return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let (l1, l2) = (luminance(a), luminance(b))
    return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
  }
}
