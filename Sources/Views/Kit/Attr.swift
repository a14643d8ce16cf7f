public struct Attr: Sendable {
    public var name: String
    public var value: String?
    public var boolean: Bool = false

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    public static func cls(_ value: String) -> Attr { Attr("class", value) }
    public static func id(_ value: String) -> Attr { Attr("id", value) }
    public static func href(_ value: String) -> Attr { Attr("href", value) }
    public static func name(_ value: String) -> Attr { Attr("name", value) }
    public static func type(_ value: String) -> Attr { Attr("type", value) }
    public static func value(_ value: String?) -> Attr { Attr("value", value ?? "") }
    public static func `for`(_ value: String) -> Attr { Attr("for", value) }
    public static func flag(_ name: String, _ on: Bool = true) -> Attr {
        var attr = Attr(name, on ? name : nil)
        attr.boolean = true
        return attr
    }
}
