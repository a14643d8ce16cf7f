import Foundation

/// Russian plural forms: 1 группа, 2 группы, 5 групп.
public enum RussianPlural {
    public static func form(_ number: Int, _ one: String, _ few: String, _ many: String) -> String {
        let n100 = abs(number) % 100
        let n10 = abs(number) % 10
        if (11...14).contains(n100) { return many }
        if n10 == 1 { return one }
        if (2...4).contains(n10) { return few }
        return many
    }

    public static func count(_ number: Int, _ one: String, _ few: String, _ many: String) -> String {
        "\(number) \(form(number, one, few, many))"
    }
}
