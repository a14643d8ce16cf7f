/// A small HTML builder that escapes every text and attribute value.
/// (Plot 0.14 writes attribute values unescaped, which would let a stored name break out of
/// `value="…"`; the pages here carry user-typed text everywhere, so we escape all of it ourselves.)
public indirect enum Node: Sendable {
    case text(String)
    case raw(String)
    case element(String, [Attr], [Node])
    case fragment([Node])

    public func render() -> String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    static let voidElements: Set<String> = ["input", "br", "meta", "link", "hr", "img"]

    func render(into out: inout String) {
        switch self {
        case .text(let s): out += Node.escapeText(s)
        case .raw(let s): out += s
        case .fragment(let nodes): for n in nodes { n.render(into: &out) }
        case .element(let name, let attrs, let children):
            out += "<" + name
            for a in attrs {
                guard let value = a.value else { continue }
                out += " " + a.name
                if !(a.boolean) { out += "=\"" + Node.escape(value) + "\"" }
            }
            out += ">"
            if Node.voidElements.contains(name) { return }
            for c in children { c.render(into: &out) }
            out += "</" + name + ">"
        }
    }

    /// Text between tags: escaped, and kept from breaking where Russian typography forbids it — «№» stays with its
    /// number («№&nbsp;2»), and a dash between numbers stays with the number after it («15:00–16:40»).
    public static func escapeText(_ s: String) -> String {
        let escaped = escape(s)
        guard escaped.unicodeScalars.contains(where: { $0 == "№" || $0 == "–" }) else { return escaped }
        var r = ""
        r.reserveCapacity(escaped.utf8.count + 16)
        let scalars = Array(escaped.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let ch = scalars[i]
            r.unicodeScalars.append(ch)
            if ch == "№", i + 1 < scalars.count, scalars[i + 1] == " " {
                r += "&nbsp;"
                i += 2
                continue
            }
            if ch == "–", i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) { r += "&#8288;" }
            i += 1
        }
        return r
    }

    public static func escape(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&#39;"
            default: r.unicodeScalars.append(ch)
            }
        }
        return r
    }
}
