import Foundation

/// Cyrillic-aware text keys (`DESIGN.md`: SQLite's `lower`, `LIKE` and ordering are ASCII-only,
/// so search and sort keys are computed here and stored beside the text).
public enum TextKey {
    /// Lower-cased, «ё» folded to «е», whitespace collapsed: matching ignores case and ё/е.
    public static func search(_ parts: String?...) -> String {
        normalize(parts.compactMap { $0 }.joined(separator: " "))
    }

    /// A search box's text as the needle of a `LIKE '%…%'` over search keys: normalised, without `%` (matches any
    /// run: «%%%» listed every child) and the backslash (PostgreSQL's escape: a trailing one is an error). `_` stays —
    /// it matches one character, itself included, so «ivan_petrov» still finds the login; minimums count letters.
    public static func needle(_ text: String) -> String {
        normalize(likeSafe(text))
    }

    /// The text as typed (trimmed), without `%` and the backslash, for a `LIKE` over a column that is not a search key.
    public static func likeSafe(_ text: String) -> String {
        String(text.unicodeScalars.filter { $0 != "%" && $0 != "\\" }.map(Character.init)).trimmed
    }

    /// One pass over the scalars into UTF-8 bytes (imports compute this for every row: Foundation's replace, a split by
    /// `Character` and appending to a `String.UnicodeScalarView` cost microseconds each). Lower case by the scalar's
    /// own
    /// mapping, as `String.lowercased()` does; «ё» — precomposed or «е» with a combining diaeresis — becomes «е»; «и»
    /// with
    /// a combining breve becomes the precomposed «й», so that keys compared byte by byte (the database's unique index,
    /// the
    /// import's de-duplication) agree with `String`'s canonical equality; runs of white space become one space, none at
    /// the ends.
    public static func normalize(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        var previous: UInt32 = 0
        func put(_ code: UInt32) {
            if code == 0x0308 && previous == 0x0435 { return }
            if code == 0x0306 && previous == 0x0438 {
                out[out.count - 1] = 0xB9  // «и» is D0 B8, «й» D0 B9
                previous = 0x0439
                return
            }
            let folded = code == 0x0451 ? 0x0435 : code
            if space {
                if !out.isEmpty { out.append(0x20) }
                space = false
            }
            appendUTF8(folded, to: &out)
            previous = folded
        }
        for scalar in text.unicodeScalars {
            let code = scalar.value
            if code < 0x80 {
                if code == 0x20 || (0x09...0x0D).contains(code) {
                    space = true
                    continue
                }
                put((0x41...0x5A).contains(code) ? code + 0x20 : code)
            } else if (0x0410...0x042F).contains(code) {
                put(code + 0x20)
            } else if code == 0x0401 {
                put(0x0451)
            } else if (0x0430...0x045F).contains(code) || code == 0x0308 || code == 0x0306 {
                put(code)
            } else if scalar.properties.isWhitespace {
                space = true
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { put(lower.value) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A key whose code-point order is Russian alphabetical order with «ё» right after «е»: the text lower-cased as
    /// `String.lowercased()` does, then letters «ж»…«я» move one code point up and «ё» takes the place of «ж».
    public static func sort(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        func put(_ code: UInt32) {
            switch code {
            case 0x0451: appendUTF8(0x0436, to: &out)
            case 0x0436...0x044F: appendUTF8(code + 1, to: &out)
            default: appendUTF8(code, to: &out)
            }
        }
        for scalar in text.unicodeScalars {
            let code = scalar.value
            if code < 0x80 {
                put((0x41...0x5A).contains(code) ? code + 0x20 : code)
            } else if (0x0410...0x042F).contains(code) {
                put(code + 0x20)
            } else if code == 0x0401 {
                put(0x0451)
            } else if (0x0430...0x045F).contains(code) {
                put(code)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { put(lower.value) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendUTF8(_ code: UInt32, to out: inout [UInt8]) {
        switch code {
        case ..<0x80: out.append(UInt8(code))
        case ..<0x800:
            out.append(UInt8(0xC0 | code >> 6))
            out.append(UInt8(0x80 | code & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | code >> 12))
            out.append(UInt8(0x80 | code >> 6 & 0x3F))
            out.append(UInt8(0x80 | code & 0x3F))
        default:
            out.append(UInt8(0xF0 | code >> 18))
            out.append(UInt8(0x80 | code >> 12 & 0x3F))
            out.append(UInt8(0x80 | code >> 6 & 0x3F))
            out.append(UInt8(0x80 | code & 0x3F))
        }
    }
}

/// A `String` as a dictionary key hashed and compared by its UTF-8 bytes: `String`'s own hashing normalises non-ASCII
/// text to NFC first, which made the import's de-duplication of 100 000 Cyrillic keys cost a second. For keys made by
/// `TextKey.normalize` (which composes the Russian letters), byte equality is the database's equality too.
public struct ByteKey: Hashable, Comparable, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }
    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
    public static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }
    /// Byte order, as SQLite's BINARY collation orders text.
    public static func < (lhs: ByteKey, rhs: ByteKey) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                let count = min(leftBytes.count, rightBytes.count)
                let order = count == 0 ? 0 : memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, count)
                return order != 0 ? order < 0 : leftBytes.count < rightBytes.count
            }
        }
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation when neither end can be white space
    /// (imports trim every cell of a file).
    public var trimmed: String { Self.edgesAreText(self) ? self : trimmingCharacters(in: .whitespacesAndNewlines) }

    /// `trimmingCharacters(in: .whitespaces)`, the same way.
    public var trimmedSpaces: String { Self.edgesAreText(self) ? self : trimmingCharacters(in: .whitespaces) }

    /// Empty, or both ends are scalars that are neither white space nor a line break (printable ASCII, or
    /// U+00A1…U+167F, where Unicode has no space characters).
    static func edgesAreText(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first?.value, let last = string.unicodeScalars.last?.value else {
            return true
        }
        func text(_ code: UInt32) -> Bool { (0x21...0x7E).contains(code) || (0xA1...0x167F).contains(code) }
        return text(first) && text(last)
    }
}
