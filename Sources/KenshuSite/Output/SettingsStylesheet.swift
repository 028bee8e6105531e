import Foundation
import KenshuModel

/// `assets/settings.css`: the project's colours as CSS custom properties. A stylesheet file
/// rather than inline styles, which the Content-Security-Policy forbids.
enum SettingsStylesheet {
  static func css(for settings: SiteSettings, programmes: [Programme] = [], diagnostics: inout [Diagnostic])
    -> String
  {
    // Each programme's title and edition at the top of its printed pages.
    var css = "/* Generated from kenshu.xml site settings. */\n" + PrintedEdition.namedPages(programmes)
    guard let accent = settings.accentColour?.trimmingCharacters(in: .whitespaces), !accent.isEmpty else {
      return css
    }
    guard let rgb = hexColour(accent) else {
      diagnostics.append(
        .warning(Catalogue.accentInvalid, accent, at: SourceLocation(file: "kenshu.xml")))
      return css
    }
    let onAccent = contrast(rgb, (255, 255, 255)) >= contrast(rgb, (0, 0, 0)) ? "#ffffff" : "#000000"
    if contrast(rgb, (251, 250, 247)) < 4.5 {
      diagnostics.append(
        .warning(Catalogue.accentContrast, accent, at: SourceLocation(file: "kenshu.xml")))
    }
    css +=
      "@media (prefers-color-scheme: light) { :root { --accent: \(accent); --accent-contrast: \(onAccent); } }\n"
    // Dark pages get the same hue, lightened until it reads on the dark background: a brand
    // colour chosen for white paper (dark green, navy) would vanish there as it is.
    let dark = darkVariant(of: rgb)
    let onDark = contrast(dark, (255, 255, 255)) >= contrast(dark, (0, 0, 0)) ? "#ffffff" : "#000000"
    css +=
      "@media (prefers-color-scheme: dark) { :root { --accent: \(hex(dark)); --accent-contrast: \(onDark); } }\n"
    css += "@media print { :root { --accent: \(accent); } }\n"
    return css
  }

  /// The dark theme's surfaces (`--bg`, `--surface` in kenshu.css), against which the accent
  /// is read as text and link colour in dark mode.
  static let darkSurfaces = [(17, 20, 24), (26, 30, 35)]

  /// `colour` mixed with white in small steps until it has at least 7:1 contrast against
  /// every dark surface; a colour that already has it is kept. 7:1 rather than the 4.5:1
  /// minimum: links at 4.5:1 on a dark page look dim next to the built-in dark accent (9.6:1).
  static func darkVariant(of colour: (Int, Int, Int)) -> (Int, Int, Int) {
    func readable(_ c: (Int, Int, Int)) -> Bool { darkSurfaces.allSatisfy { contrast(c, $0) >= 7 } }
    for step in 0...20 {
      let t = Double(step) / 20
      func mix(_ v: Int) -> Int { Int((Double(v) + (255 - Double(v)) * t).rounded()) }
      let candidate = (mix(colour.0), mix(colour.1), mix(colour.2))
      if readable(candidate) { return candidate }
    }
    return (255, 255, 255)
  }

  static func hex(_ c: (Int, Int, Int)) -> String {
    "#" + [c.0, c.1, c.2].map { String(format: "%02x", $0) }.joined()
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
