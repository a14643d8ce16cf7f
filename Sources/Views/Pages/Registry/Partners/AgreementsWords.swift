import Domain
import Foundation

/// Words of the agreements registry outside its pages: the section's noun, form checks, audit fields.
public enum AgreementsWords {
    /// The record's noun.
    public static let noun = "Договор"
    /// The heading of a new agreement's form.
    public static let newTitle = "Новый договор"
    /// What archiving an agreement does.
    public static let archiveConsequence =
        "Договор пропадёт из списков; его история сохранится. Чтобы отразить досрочное прекращение, лучше поставьте "
        + "состояние «расторгнут»."
    /// An agreement's name in lists: «Договор № 7», or «Договор (проект)» without a number.
    public static func label(number: String?) -> String { "Договор" + (number.map { " № \($0)" } ?? " (проект)") }
    /// Both parties are the same organisation.
    public static let sameParties = "Стороны договора должны быть разными организациями."
    /// In a school–centre agreement the first party is not a school.
    public static let firstPartySchool = "В договоре «школа — ресурсный центр» первая сторона — школа."
    /// The second party is not a resource centre.
    public static let secondPartyCenter = "Вторая сторона должна быть назначена ресурсным центром."
    /// The first party is not a resource centre.
    public static let firstPartyCenter = "Первая сторона должна быть назначена ресурсным центром."
    /// The second party is not a partner.
    public static let secondPartyPartner = "Вторая сторона должна быть в реестре партнёров."
    /// What the audit log records of an agreement (dates as the page shows them).
    public static func audit(
        kind: AgreementKind?, partyA: String, partyB: String, number: String?, signed: String, subject: String,
        covers: String?, starts: String, ends: String, state: AgreementState?
    ) -> [String: String] {
        [
            "Вид": kind?.title ?? "", "Стороны": partyA + " — " + partyB, "Номер": number ?? "",
            "Дата подписания": signed, "Предмет": subject, "Программы и ресурсы": covers ?? "", "Начало": starts,
            "Окончание": ends, "Состояние договора": state?.title ?? "",
        ]
    }
}
