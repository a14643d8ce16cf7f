import Foundation

/// Russian plural forms: 1 группа, 2 группы, 5 групп.
public enum RussianPlural {
    public static func form(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        let n100 = abs(n) % 100
        let n10 = abs(n) % 10
        if (11...14).contains(n100) { return many }
        if n10 == 1 { return one }
        if (2...4).contains(n10) { return few }
        return many
    }

    public static func count(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(n) \(form(n, one, few, many))"
    }
}
