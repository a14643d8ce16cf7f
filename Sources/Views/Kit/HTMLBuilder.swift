@resultBuilder
public enum HTMLBuilder {
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildOptional(_ nodes: [Node]?) -> [Node] { nodes ?? [] }
    public static func buildEither(first nodes: [Node]) -> [Node] { nodes }
    public static func buildEither(second nodes: [Node]) -> [Node] { nodes }
    public static func buildArray(_ nodes: [[Node]]) -> [Node] { nodes.flatMap { $0 } }
}

/// `el("div", .cls("card")) { … }`
public func el(_ name: String, _ attrs: Attr..., @HTMLBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attrs, content())
}

public func el(_ name: String, attrs: [Attr], @HTMLBuilder content: () -> [Node] = { [] }) -> Node {
    .element(name, attrs, content())
}

public func fragment(@HTMLBuilder _ content: () -> [Node]) -> Node { .fragment(content()) }
