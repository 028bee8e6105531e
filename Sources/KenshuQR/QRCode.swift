import CQRencode
import KenshuModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A QR Code symbol: a square of dark and light modules, encoded by libqrencode.
///
/// Kenshu prints QR codes on paper that personal data is on (token slips, certificates), so the
/// symbol is made here from the text alone: no network, no image library, and the drawing is
/// an SVG that needs no script.
public struct QRCode: Sendable, Equatable {
  /// How much of the symbol may be damaged and still read. Printed slips get folded and
  /// stamped, so Kenshu's callers use `.medium` or higher.
  public enum Correction: Sendable {
    case low, medium, quartile, high

    var level: QRecLevel {
      switch self {
      case .low: QR_ECLEVEL_L
      case .medium: QR_ECLEVEL_M
      case .quartile: QR_ECLEVEL_Q
      case .high: QR_ECLEVEL_H
      }
    }
  }

  /// Why a text could not be encoded.
  public enum Failure: Error, Equatable, Sendable {
    /// The text does not fit the largest symbol (version 40) at the requested correction level.
    case tooLong(bytes: Int)
    /// libqrencode refused for another reason (out of memory, invalid input).
    case encoderFailed(errno: Int32)
  }

  /// The symbol version, 1 (21 × 21 modules) to 40 (177 × 177).
  public let version: Int
  /// Modules per side, without the quiet zone.
  public let width: Int
  /// Row-major, `width × width`: `true` for a dark module.
  public let modules: [Bool]

  /// Encodes the UTF-8 bytes of `text` in byte mode, in the smallest version that holds it.
  ///
  /// Byte mode rather than libqrencode's mode detection: a URL with a token must read back
  /// exactly, and every phone reader handles byte mode.
  public init(_ text: String, correction: Correction = .medium) throws(Failure) {
    let bytes = Array(text.utf8)
    errno = 0
    let symbol = bytes.withUnsafeBufferPointer { buffer in
      QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, correction.level)
    }
    guard let symbol else {
      if errno == ERANGE { throw .tooLong(bytes: bytes.count) }
      throw .encoderFailed(errno: errno)
    }
    defer { QRcode_free(symbol) }
    let width = Int(symbol.pointee.width)
    // libqrencode keeps extra information in the other bits of each byte; bit 0 is the colour.
    let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
    self.version = Int(symbol.pointee.version)
    self.width = width
    self.modules = data.map { $0 & 1 == 1 }
  }

  /// Whether the module at `row`, `column` (0-based, without the quiet zone) is dark.
  public func isDark(row: Int, column: Int) -> Bool {
    modules[row * width + column]
  }

  /// The symbol as a standalone SVG element, scalable, with the four-module quiet zone readers
  /// need. `label` becomes the accessible name (e.g. the URL the code opens), escaped with the
  /// project's one escaper.
  ///
  /// Each row's dark modules are merged into horizontal runs, so a version-10 symbol is a few
  /// hundred path commands rather than thousands of rectangles.
  public func svg(label: String, size: String = "30mm") -> String {
    let quiet = 4
    let side = width + 2 * quiet
    var path = ""
    path.reserveCapacity(width * width)
    for row in 0..<width {
      var column = 0
      while column < width {
        guard isDark(row: row, column: column) else {
          column += 1
          continue
        }
        let start = column
        while column < width && isDark(row: row, column: column) { column += 1 }
        path += "M\(start + quiet) \(row + quiet)h\(column - start)v1h-\(column - start)z"
      }
    }
    let name = Markup.escape(label)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" class="qr-code" role="img" aria-label="\(name)" \
      width="\(size)" height="\(size)" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
      <title>\(name)</title><rect width="\(side)" height="\(side)" fill="#fff"/>\
      <path fill="#000" d="\(path)"/></svg>
      """
  }
}
