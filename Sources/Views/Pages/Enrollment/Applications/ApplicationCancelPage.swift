import Domain
import Foundation

/// The question before an applicant withdraws an application.
public struct ApplicationCancelPage: Sendable {
    public var id: UUID, student: String, campaign: String

    public init(id: UUID, student: String, campaign: String) {
        self.id = id
        self.student = student
        self.campaign = campaign
    }

    public static let mock = ApplicationCancelPage(
        id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, student: "Ёлкин Артём Ильич",
        campaign: "Запись на сетевые курсы, 2026/2027")

    /// The confirmation page the controller renders.
    public var page: ConfirmPage {
        let url = "/applications/" + id.uuidString.lowercased()
        return ConfirmPage(
            title: "Отозвать заявку", question: "Отозвать заявку «\(campaign)» обучающегося «\(student)»?",
            consequence:
                "Удержанные заявкой места и места в листах ожидания освободятся; подать заявку снова можно, пока идёт "
                + "приём.",
            action: url + "/cancel", button: "Отозвать заявку", cancelURL: url,
            crumbs: [Crumb("Заявки (ИУП)", "/applications"), Crumb("ИУП: \(student)", url), Crumb("Отзыв")])
    }
}
