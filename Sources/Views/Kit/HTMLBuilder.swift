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
