import Foundation

/// Who a partner is (`004_5209da8e0aa92458.txt`, second year §1: ОО, СПО, наука, промышленность, бизнес).
public enum PartnerSector: String, CaseIterable, Sendable {
    case school, college, university, science, industry, business, other
    public var title: String {
        switch self {
        case .school: "образовательная организация муниципалитета"
        case .college: "организация СПО"
        case .university: "вуз"
        case .science: "наука"
        case .industry: "промышленность"
        case .business: "бизнес"
        case .other: "иное"
        }
    }
}

/// Forms of interaction with a partner.
public enum InteractionForm: String, CaseIterable, Sendable {
    case networkPrograms = "network_programs", remote, resources, careerGuidance = "career_guidance", mentorship, projects
    public var title: String {
        switch self {
        case .networkPrograms: "реализация образовательных программ в сетевой форме"
        case .remote: "дистанционное взаимодействие"
        case .resources: "предоставление площадок и оборудования"
        case .careerGuidance: "профориентация: экскурсии, практики, встречи"
        case .mentorship: "наставничество"
        case .projects: "совместные проекты, конкурсы, олимпиады"
        }
    }
}

/// Directions of interaction: the four profiles of programmes (`004_…`: цифровой, естественнонаучный, технический, гуманитарный).
public enum InteractionDirection: String, CaseIterable, Sendable {
    case digital, naturalScience = "natural_science", technical, humanities
    public var title: String {
        switch self {
        case .digital: "цифровой профиль"
        case .naturalScience: "естественнонаучный профиль"
        case .technical: "технический профиль"
        case .humanities: "гуманитарный профиль"
        }
    }
}

/// Codes stored joined by «;».
public enum CodeList {
    public static func decode<T: RawRepresentable>(_ stored: String, as: T.Type) -> [T] where T.RawValue == String {
        stored.split(separator: ";").compactMap { T(rawValue: String($0)) }
    }
    public static func encode<T: RawRepresentable>(_ list: [T]) -> String where T.RawValue == String {
        list.map(\.rawValue).joined(separator: ";")
    }
}

public enum AgreementKind: String, CaseIterable, Sendable {
    case schoolCenter = "school_center", centerPartner = "center_partner"
    public var title: String { self == .schoolCenter ? "школа — ресурсный центр" : "ресурсный центр — партнёр" }
    public var partyATitle: String { self == .schoolCenter ? "Школа" : "Ресурсный центр" }
    public var partyBTitle: String { self == .schoolCenter ? "Ресурсный центр" : "Партнёр" }
}

/// The life of an agreement: draft → signed → (expired by date | terminated).
public enum AgreementState: String, CaseIterable, Sendable {
    case draft, signed, expired, terminated
    public var title: String {
        switch self {
        case .draft: "проект"
        case .signed: "подписан"
        case .expired: "истёк"
        case .terminated: "расторгнут"
        }
    }

    /// What the agreement is on a given day: a signed one whose end has passed has expired.
    public static func effective(stored: AgreementState, endsOn: Date, now: Date) -> AgreementState {
        stored == .signed && endsOn < now ? .expired : stored
    }
}

public enum AgreementRules {
    /// Signed agreements ending within this many days are flagged (issue 2: warnings for agreements that expire within 30 days).
    public static let warningDays = 30

    public static func expiresSoon(state: AgreementState, endsOn: Date, now: Date) -> Bool {
        effectiveSigned(state, endsOn, now) && endsOn.timeIntervalSince(now) <= Double(warningDays) * 86_400
    }

    static func effectiveSigned(_ state: AgreementState, _ endsOn: Date, _ now: Date) -> Bool {
        AgreementState.effective(stored: state, endsOn: endsOn, now: now) == .signed
    }

    public static func validate(start: Date?, end: Date?, state: AgreementState?, number: String?, signedOn: Date?, errors: inout FieldErrors) {
        if let start, let end, end < start { errors.add("endsOn", "Дата окончания не может быть раньше даты начала.") }
        if state == .expired { errors.add("state", "Состояние «истёк» ставится само по дате окончания.") }
        if state == .signed || state == .terminated {
            if number == nil { errors.add("number", "У подписанного договора должен быть номер.") }
            if signedOn == nil { errors.add("signedOn", "Укажите дату подписания.") }
        }
    }
}

/// Qualification categories of teachers.
public enum QualificationCategory: String, CaseIterable, Sendable {
    case none, conformity, first, highest
    public var title: String {
        switch self {
        case .none: "без категории"
        case .conformity: "соответствие занимаемой должности"
        case .first: "первая"
        case .highest: "высшая"
        }
    }
}

/// Roles within the КМЦ (`001_4390f67d15d9225c.txt` §5.2–5.4).
public enum KmcRole: String, CaseIterable, Sendable {
    case head, deputy, secretary, member
    public var title: String {
        switch self {
        case .head: "руководитель"
        case .deputy: "заместитель руководителя"
        case .secretary: "секретарь"
        case .member: "член центра"
        }
    }
}

public enum KmcRules {
    /// The КМЦ composition is approved for one to two years (`001_4390f67d15d9225c.txt` §5.1).
    public static func validateTerm(from: Date?, to: Date?, timeZone: TimeZone, errors: inout FieldErrors) {
        guard let from, let to else { return }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        guard to > from else { errors.add("termTo", "Окончание срока должно быть позже начала."); return }
        let oneYear = cal.date(byAdding: DateComponents(year: 1, day: -1), to: from)!
        let twoYears = cal.date(byAdding: DateComponents(year: 2), to: from)!
        if to < oneYear || to > twoYears {
            errors.add("termTo", "Состав КМЦ утверждается на срок от одного до двух лет.")
        }
    }
}
