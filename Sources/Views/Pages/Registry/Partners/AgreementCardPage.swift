import Domain
import Foundation

/// An agreement's card.
public struct AgreementCardPage: Sendable {
    public var kind: AgreementKind
    public var partyA: String
    public var partyB: String
    public var number: String?
    public var signed: String
    public var subject: String
    public var covers: String?
    public var starts: String
    public var ends: String
    /// The state as of today.
    public var state: AgreementState
    /// Whether it ends soon.
    public var expiring: Bool

    /// The card's data (dates as the page shows them; `signed` empty when not signed).
    public init(
        kind: AgreementKind, partyA: String, partyB: String, number: String?, signed: String, subject: String,
        covers: String?, starts: String, ends: String, state: AgreementState, expiring: Bool
    ) {
        self.kind = kind
        self.partyA = partyA
        self.partyB = partyB
        self.number = number
        self.signed = signed
        self.subject = subject
        self.covers = covers
        self.starts = starts
        self.ends = ends
        self.state = state
        self.expiring = expiring
    }

    /// A made-up card.
    public static let mock = AgreementCardPage(
        kind: .schoolCenter, partyA: "МБОУ «СОШ № 3»", partyB: "МБОУ «Лицей № 1»", number: "7", signed: "25.08.2025",
        subject: "Сетевая программа по информатике", covers: nil, starts: "01.09.2025", ends: "15.09.2025",
        state: .signed, expiring: true)

    /// The card's facts.
    public var facts: [(String, String)] {
        [
            ("Вид", kind.title), (kind.partyATitle, partyA), (kind.partyBTitle, partyB), ("Номер", number ?? ""),
            ("Дата подписания", signed), ("Предмет договора", subject), ("Программы и ресурсы", covers ?? ""),
            ("Срок действия", starts + " — " + ends), ("Состояние", state.title),
        ]
    }

    /// The card's warnings.
    public var warnings: [String] {
        expiring ? ["Срок действия договора истекает \(ends): продлите его или заключите новый."] : []
    }

    /// The card as HTML (without actions and history, which the registry adds).
    public func render(_ ctx: PageContext) -> String {
        RegistryCard.preview(
            .agreements, title: AgreementsWords.label(number: number), facts: facts, warnings: warnings
        )
        .render(ctx)
    }
}

/// An agreement's form.
public struct AgreementFormPage: Sendable {
    /// Organisations of the municipality (either party).
    public var organizations: [(value: String, title: String)]

    /// The form's choices.
    public init(organizations: [(value: String, title: String)]) { self.organizations = organizations }

    /// A made-up form.
    public static let mock = AgreementFormPage(organizations: [("o1", "МБОУ «Лицей № 1»")])

    /// The form's fields.
    public var fields: [FieldSpec] {
        [
            FieldSpec(
                "kind", "Вид договора",
                .select(AgreementKind.allCases.map { ($0.rawValue, $0.title) }, empty: "— выберите —"), required: true),
            FieldSpec(
                "partyA", "Первая сторона (школа или ресурсный центр)", .select(organizations, empty: "— выберите —"),
                required: true),
            FieldSpec(
                "partyB", "Вторая сторона (ресурсный центр или партнёр)", .select(organizations, empty: "— выберите —"),
                required: true),
            FieldSpec("subject", "Предмет договора", .textarea, required: true),
            FieldSpec("covers", "Программы и ресурсы по договору", .textarea),
            FieldSpec("startsOn", "Начало действия", .date, required: true),
            FieldSpec("endsOn", "Окончание действия", .date, required: true),
            FieldSpec(
                "state", "Состояние",
                .select([AgreementState.draft, .signed, .terminated].map { ($0.rawValue, $0.title) }, empty: nil),
                required: true),
            FieldSpec("number", "Номер договора"),
            FieldSpec("signedOn", "Дата подписания", .date),
        ]
    }

    /// A new agreement's form as HTML.
    public func render(_ ctx: PageContext) -> String {
        RegistryForm.preview(.agreements, title: AgreementsWords.newTitle, fields: fields).render(ctx)
    }
}
