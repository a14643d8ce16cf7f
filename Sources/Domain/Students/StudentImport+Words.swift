import Foundation

extension StudentImport {
    /// The words a cell may hold, looked up by bytes (a `switch` over Cyrillic literals compares `String`s the slow
    /// way).
    static let sexWords: [ByteKey: Sex] = Dictionary(
        uniqueKeysWithValues: ["м", "муж", "муж.", "мужской", "m"].map { (ByteKey($0), Sex.male) }
            + ["ж", "жен", "жен.", "женский", "f"].map { (ByteKey($0), Sex.female) })
    static let yesNoWords: [ByteKey: Bool] = Dictionary(
        uniqueKeysWithValues: ["да", "1", "+", "есть", "yes"].map { (ByteKey($0), true) }
            + ["нет", "0", "-", "no"].map { (ByteKey($0), false) })
}
