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

public struct Attr: Sendable {
    public var name: String
    public var value: String?
    public var boolean: Bool = false

    public init(_ name: String, _ value: String?) { self.name = name; self.value = value }

    public static func cls(_ v: String) -> Attr { Attr("class", v) }
    public static func id(_ v: String) -> Attr { Attr("id", v) }
    public static func href(_ v: String) -> Attr { Attr("href", v) }
    public static func name(_ v: String) -> Attr { Attr("name", v) }
    public static func type(_ v: String) -> Attr { Attr("type", v) }
    public static func value(_ v: String?) -> Attr { Attr("value", v ?? "") }
    public static func `for`(_ v: String) -> Attr { Attr("for", v) }
    public static func flag(_ name: String, _ on: Bool = true) -> Attr {
        var a = Attr(name, on ? name : nil); a.boolean = true; return a
    }
}

@resultBuilder
public enum HTMLBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ n: Node) -> [Node] { [n] }
    public static func buildExpression(_ n: [Node]) -> [Node] { n }
    public static func buildExpression(_ s: String) -> [Node] { [.text(s)] }
    public static func buildOptional(_ n: [Node]?) -> [Node] { n ?? [] }
    public static func buildEither(first n: [Node]) -> [Node] { n }
    public static func buildEither(second n: [Node]) -> [Node] { n }
    public static func buildArray(_ n: [[Node]]) -> [Node] { n.flatMap { $0 } }
}

/// `el("div", .cls("card")) { … }`
public func el(_ name: String, _ attrs: Attr..., @HTMLBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attrs, content())
}

public func el(_ name: String, attrs: [Attr], @HTMLBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attrs, content())
}

public func fragment(@HTMLBuilder _ content: () -> [Node]) -> Node { .fragment(content()) }
