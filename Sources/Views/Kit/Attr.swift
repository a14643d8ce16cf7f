public struct Attr: Sendable {
    public var name: String
    public var value: String?
    public var boolean: Bool = false

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    public static func cls(_ v: String) -> Attr { Attr("class", v) }
    public static func id(_ v: String) -> Attr { Attr("id", v) }
    public static func href(_ v: String) -> Attr { Attr("href", v) }
    public static func name(_ v: String) -> Attr { Attr("name", v) }
    public static func type(_ v: String) -> Attr { Attr("type", v) }
    public static func value(_ v: String?) -> Attr { Attr("value", v ?? "") }
    public static func `for`(_ v: String) -> Attr { Attr("for", v) }
    public static func flag(_ name: String, _ on: Bool = true) -> Attr {
        var a = Attr(name, on ? name : nil)
        a.boolean = true
        return a
    }
}
