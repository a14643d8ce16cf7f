import Foundation

/// Field name → Russian message, shown next to the field and returned as `fields` by the API.
public struct FieldErrors: Equatable, Sendable {
    public private(set) var messages: [String: String] = [:]
    public init() {}

    public var isEmpty: Bool { messages.isEmpty }
    public subscript(field: String) -> String? { messages[field] }

    public mutating func add(_ field: String, _ message: String) {
        if messages[field] == nil { messages[field] = message }
    }

    /// The same messages under other names (a form's `teacher` as an API body's `teacherId`).
    public func renamed(_ names: [String: String]) -> FieldErrors {
        var renamed = FieldErrors()
        for (field, message) in messages { renamed.add(names[field] ?? field, message) }
        return renamed
    }

    /// Checks a required text and its length; returns the trimmed value.
    @discardableResult
    public mutating func required(_ field: String, _ value: String?, max: Int = 300) -> String {
        let trimmed = (value ?? "").trimmed
        if trimmed.isEmpty {
            add(field, "Заполните это поле.")
        } else if trimmed.utf8.count > max && trimmed.count > max {
            add(field, "Не длиннее \(RussianPlural.count(max, "символа", "символов", "символов")).")
        } else if Self.hasHiddenControls(trimmed) {
            add(field, Self.hiddenControlsMessage)
        }
        return trimmed
    }

    /// Checks an optional text's length; returns the trimmed value or nil when empty.
    public mutating func optional(_ field: String, _ value: String?, max: Int = 300) -> String? {
        let trimmed = (value ?? "").trimmed
        // Characters are never more than UTF-8 bytes: counting them (grapheme breaking) is needed only for long texts.
        if trimmed.utf8.count > max && trimmed.count > max {
            add(field, "Не длиннее \(RussianPlural.count(max, "символа", "символов", "символов")).")
        } else if Self.hasHiddenControls(trimmed) {
            add(field, Self.hiddenControlsMessage)
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    public static let hiddenControlsMessage =
        "Уберите непечатаемые символы (управляющие или меняющие направление текста)."

    /// Whether a text has characters a reader cannot see that change what is shown: control characters other than
    /// tab and line breaks, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can make
    /// a name read backwards. One pass over the UTF-8 bytes (imports check every cell).
    public static func hasHiddenControls(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F { return true }
            // U+0080–U+009F are C2 80–C2 9F; U+202A–U+202E are E2 80 AA–AE; U+2066–U+2069 are E2 81 A6–A9.
            if previous.1 == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            if previous == (0xE2, 0x80) && (0xAA...0xAE).contains(byte) { return true }
            if previous == (0xE2, 0x81) && (0xA6...0xA9).contains(byte) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    public mutating func email(_ field: String, _ value: String?) -> String? {
        guard let address = optional(field, value, max: 200) else { return nil }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || address.contains(" ") {
            add(field, "Укажите адрес электронной почты в виде name@example.ru.")
        }
        return address
    }

    public mutating func phone(_ field: String, _ value: String?) -> String? {
        guard let phone = optional(field, value, max: 40) else { return nil }
        // Only ASCII digits, «+», «-», brackets and spaces are allowed, so counting ASCII digits counts every digit.
        let digits = phone.unicodeScalars.reduce(0) { $0 + (("0"..."9").contains($1) ? 1 : 0) }
        if digits < 5 || digits > 15
            || phone.unicodeScalars.contains(where: {
                !("0"..."9").contains($0) && !"+-() ".unicodeScalars.contains($0)
            })
        {
            add(field, "Укажите телефон цифрами, например +7 (900) 000-00-00.")
        }
        return phone
    }

    public mutating func date(_ field: String, _ value: String?, timeZone: TimeZone, required: Bool) -> Date? {
        let trimmed = (value ?? "").trimmedSpaces
        if trimmed.isEmpty {
            if required { add(field, "Укажите дату.") }
            return nil
        }
        guard let date = RuDate.parse(trimmed, timeZone: timeZone) else {
            add(
                field,
                RuDate.hasDateShape(trimmed)
                    ? "Такой даты нет: \(trimmed). Проверьте день и месяц." : "Укажите дату в виде ДД.ММ.ГГГГ.")
            return nil
        }
        return date
    }

    /// A calendar day («01.09.2026»), for the timetable's days.
    public mutating func day(_ field: String, _ value: String?, required: Bool) -> CivilDay? {
        let trimmed = (value ?? "").trimmedSpaces
        if trimmed.isEmpty {
            if required { add(field, "Укажите дату.") }
            return nil
        }
        guard let day = CivilDay.parse(trimmed) else {
            add(
                field,
                RuDate.hasDateShape(trimmed)
                    ? "Такой даты нет: \(trimmed). Проверьте день и месяц." : "Укажите дату в виде ДД.ММ.ГГГГ.")
            return nil
        }
        return day
    }

    /// A time of day («15:00»).
    public mutating func clock(_ field: String, _ value: String?, required: Bool) -> ClockTime? {
        let trimmed = (value ?? "").trimmedSpaces
        if trimmed.isEmpty {
            if required { add(field, "Укажите время.") }
            return nil
        }
        guard let time = ClockTime.parse(trimmed) else {
            add(field, "Укажите время в виде ЧЧ:ММ, например 15:00.")
            return nil
        }
        return time
    }

    public mutating func integer(_ field: String, _ value: String?, range: ClosedRange<Int>, required: Bool) -> Int? {
        let trimmed = (value ?? "").trimmedSpaces
        if trimmed.isEmpty {
            if required { add(field, "Укажите число.") }
            return nil
        }
        guard let number = Int(trimmed) else {
            add(field, "Укажите целое число.")
            return nil
        }
        guard range.contains(number) else {
            add(field, "Число от \(range.lowerBound) до \(range.upperBound).")
            return nil
        }
        return number
    }

    /// Parses one of an enum's raw values.
    public mutating func choice<T: RawRepresentable>(_ field: String, _ value: String?, as: T.Type) -> T?
    where T.RawValue == String {
        guard let raw = value, !raw.isEmpty else {
            add(field, "Выберите значение.")
            return nil
        }
        guard let chosen = T(rawValue: raw) else {
            add(field, "Выберите значение из списка.")
            return nil
        }
        return chosen
    }
}
