import Foundation

public enum AgreementRules {
    /// Signed agreements ending within this many days are flagged (issue 2: warnings for agreements that expire within
    /// 30 days).
    public static let warningDays = 30

    public static func expiresSoon(state: AgreementState, endsOn: Date, now: Date) -> Bool {
        effectiveSigned(state, endsOn, now) && endsOn.timeIntervalSince(now) <= Double(warningDays) * 86_400
    }

    static func effectiveSigned(_ state: AgreementState, _ endsOn: Date, _ now: Date) -> Bool {
        AgreementState.effective(stored: state, endsOn: endsOn, now: now) == .signed
    }

    public static func validate(
        start: Date?, end: Date?, state: AgreementState?, number: String?, signedOn: Date?, errors: inout FieldErrors
    ) {
        if let start, let end, end < start { errors.add("endsOn", "Дата окончания не может быть раньше даты начала.") }
        if state == .expired { errors.add("state", "Состояние «истёк» ставится само по дате окончания.") }
        if state == .signed || state == .terminated {
            if number == nil { errors.add("number", "У подписанного договора должен быть номер.") }
            if signedOn == nil { errors.add("signedOn", "Укажите дату подписания.") }
        }
    }
}
