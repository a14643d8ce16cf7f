import Foundation

/// A measure of support of a gifted student (`GLOSSARY.md`: Премия, стипендия, грант — `SupportMeasure`; issue 21,
/// item 5): `001_4390f67d15d9225c.txt` §3.1.5 (candidates for premiums and stipends and their documents), §3.2.1
/// (premiums after the yearly contests), the programme's «гранты, стипендии, премии»; `000_5375b2a087477e6d.txt` §4.5
/// (paid participation in final events by a named invitation, from the municipal programme).
public enum SupportKind: String, CaseIterable, Sendable {
    case premium, stipend, grant, trip

    public var title: String {
        switch self {
        case .premium: "премия"
        case .stipend: "стипендия"
        case .grant: "грант"
        case .trip: "оплата поездки"
        }
    }

    /// Who holds it, as the databank marks them (`001_4390f67d15d9225c.txt` §3.2.3: laureates and stipend holders).
    public var holder: String {
        switch self {
        case .premium: "лауреат премии"
        case .stipend: "стипендиат"
        case .grant: "грантополучатель"
        case .trip: "поездка оплачена"
        }
    }
}

/// Where a measure stands: proposed by the КМЦ (a draft, still changed), or awarded by a decree on record (then
/// frozen).
public enum SupportStatus: String, CaseIterable, Sendable {
    case proposed, awarded

    public var title: String {
        switch self {
        case .proposed: "предложена, ждёт приказа"
        case .awarded: "назначена приказом"
        }
    }
}

/// A measure's fields as the КМЦ fills them in, checked: the amount in whole roubles; a stipend's monthly amount and
/// period; a trip's destination, event, dates, costs and budget line; the decree's number and date (both or neither —
/// with them the measure is awarded).
public struct SupportInput: Sendable, Equatable {
    public var kind: SupportKind
    /// Roubles: the premium or grant, the stipend's monthly amount, the trip's costs.
    public var amount: Int
    public var startsOn: CivilDay?
    public var endsOn: CivilDay?
    public var destination: String?
    public var event: String?
    public var budgetLine: String?
    public var basis: String
    public var decreeNumber: String?
    public var decreeDay: CivilDay?

    public init(
        kind: SupportKind, amount: Int, startsOn: CivilDay? = nil, endsOn: CivilDay? = nil, destination: String? = nil,
        event: String? = nil, budgetLine: String? = nil, basis: String, decreeNumber: String? = nil,
        decreeDay: CivilDay? = nil
    ) {
        self.kind = kind
        self.amount = amount
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.destination = destination
        self.event = event
        self.budgetLine = budgetLine
        self.basis = basis
        self.decreeNumber = decreeNumber
        self.decreeDay = decreeDay
    }

    public static let maxAmount = 10_000_000
    public static let maxStipendMonths = 24

    /// The total paid: the stipend's monthly amount times its months, otherwise the amount.
    public var total: Int { kind == .stipend ? amount * months : amount }

    /// A stipend's months, counting the first and the last (01.09–31.12: 4).
    public var months: Int { Self.months(from: startsOn, to: endsOn) }

    public static func months(from start: CivilDay?, to end: CivilDay?) -> Int {
        guard let start, let end, end >= start else { return 0 }
        let a = start.ymd
        let b = end.ymd
        return (b.year - a.year) * 12 + (b.month - a.month) + 1
    }

    public var status: SupportStatus { decreeNumber != nil ? .awarded : .proposed }

    /// «5 000 ₽», «3 000 ₽ в месяц × 4 мес. = 12 000 ₽».
    public static func money(_ rubles: Int) -> String {
        let digits = String(rubles)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append("\u{00A0}") }
            out.append(c)
        }
        return out + "\u{00A0}₽"
    }

    /// Reads a sum: «5000», «5 000», «5 000,00» (kopecks must be zero: the decree pays whole roubles).
    public static func amount(_ text: String) -> Int? {
        var cleaned = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "₽", with: "").replacingOccurrences(of: "руб.", with: "")
        for suffix in [",00", ".00", ",0", ".0"] where cleaned.hasSuffix(suffix) {
            cleaned.removeLast(suffix.count)
        }
        guard !cleaned.isEmpty, cleaned.allSatisfy(\.isASCII), let value = Int(cleaned) else { return nil }
        return value
    }

    /// Checks the form; errors go under each field, in Russian.
    public static func parse(_ form: (String) -> String?, errors: inout FieldErrors) -> SupportInput? {
        let kind = errors.choice("kind", form("kind"), as: SupportKind.self)
        var amount = 0
        if let value = errors.optional("amount", form("amount"), max: 20) {
            if let sum = Self.amount(value), (1...maxAmount).contains(sum) {
                amount = sum
            } else {
                errors.add("amount", "Сумма в рублях — целое число от 1 до \(money(maxAmount)).")
            }
        } else {
            errors.add(
                "amount",
                kind == .stipend ? "Укажите сумму в месяц." : kind == .trip ? "Укажите расходы." : "Укажите сумму.")
        }
        let basis = errors.required("basis", form("basis"), max: 1000)
        let dated = kind == .stipend || kind == .trip
        var startsOn = errors.day("startsOn", form("startsOn"), required: dated)
        var endsOn = errors.day("endsOn", form("endsOn"), required: dated)
        var destination = errors.optional("destination", form("destination"))
        var event = errors.optional("event", form("event"))
        var budgetLine = errors.optional("budgetLine", form("budgetLine"))
        if dated {
            if let start = startsOn, let end = endsOn, end < start {
                errors.add("endsOn", "Окончание не раньше начала.")
            }
            if kind == .stipend, months(from: startsOn, to: endsOn) > maxStipendMonths {
                errors.add("endsOn", "Стипендия назначается не более чем на \(maxStipendMonths) месяца.")
            }
        } else {
            startsOn = nil
            endsOn = nil
        }
        if kind == .trip {
            if destination == nil { errors.add("destination", "Укажите, куда поездка.") }
            if event == nil { errors.add("event", "Укажите мероприятие и именное приглашение.") }
            if budgetLine == nil { errors.add("budgetLine", "Укажите статью расходов программы.") }
        } else {
            destination = nil
            event = nil
            if kind != .grant { budgetLine = nil }
        }
        let decreeNumber = errors.optional("decreeNumber", form("decreeNumber"), max: 30)
        let decreeDay = errors.day("decreeDay", form("decreeDay"), required: decreeNumber != nil)
        if decreeNumber == nil && decreeDay != nil { errors.add("decreeNumber", "Укажите номер приказа.") }
        guard errors.isEmpty, let kind else { return nil }
        return SupportInput(
            kind: kind, amount: amount, startsOn: startsOn, endsOn: endsOn, destination: destination, event: event,
            budgetLine: budgetLine, basis: basis, decreeNumber: decreeNumber, decreeDay: decreeDay)
    }
}
