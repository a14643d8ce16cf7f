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
        case .text(let text): out += Node.escapeText(text)
        case .raw(let html): out += html
        case .fragment(let nodes): for node in nodes { node.render(into: &out) }
        case .element(let name, let attrs, let children):
            out += "<" + name
            for attr in attrs {
                guard let value = attr.value else { continue }
                out += " " + attr.name
                if !(attr.boolean) { out += "=\"" + Node.escape(value) + "\"" }
            }
            out += ">"
            if Node.voidElements.contains(name) { return }
            for child in children { child.render(into: &out) }
            out += "</" + name + ">"
        }
    }

    /// Text between tags: escaped, and kept from breaking where Russian typography forbids it — «№» stays with its
    /// number («№&nbsp;2»), and a dash between numbers stays with the number after it («15:00–16:40»).
    public static func escapeText(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.unicodeScalars.contains(where: { $0 == "№" || $0 == "–" }) else { return escaped }
        var result = ""
        result.reserveCapacity(escaped.utf8.count + 16)
        let scalars = Array(escaped.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let ch = scalars[i]
            result.unicodeScalars.append(ch)
            if ch == "№", i + 1 < scalars.count, scalars[i + 1] == " " {
                result += "&nbsp;"
                i += 2
                continue
            }
            if ch == "–", i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) { result += "&#8288;" }
            i += 1
        }
        return result
    }

    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(ch)
            }
        }
        return result
    }
}
