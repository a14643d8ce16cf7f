import Domain
import Foundation

/// The question before the КМЦ runs a ranked campaign's lottery, which cannot be undone.
public struct CampaignDistributePage: Sendable {
    public var id: UUID, title: String, confirmed: Int, unconfirmed: Int

    public init(id: UUID, title: String, confirmed: Int, unconfirmed: Int) {
        self.id = id
        self.title = title
        self.confirmed = confirmed
        self.unconfirmed = unconfirmed
    }

    public static let mock = CampaignDistributePage(
        id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, title: "Запись на сетевые курсы, 2026/2027",
        confirmed: 12, unconfirmed: 3)

    /// The confirmation page the controller renders.
    public var page: ConfirmPage {
        let url = SiteURL.record(.campaigns, id).path
        return ConfirmPage(
            title: "Распределить места", question: "Провести жеребьёвку и распределить места кампании «\(title)»?",
            consequence:
                "Участвуют подтверждённые заявки: \(confirmed). Неподтверждённые (\(unconfirmed)) будут закрыты. "
                + "Зерно жеребьёвки сохранится для проверки; отменить или провести распределение повторно нельзя.",
            action: url + "/distribute", button: "Распределить", cancelURL: url,
            crumbs: [
                Crumb("Кампании записи", SiteURL.list(.campaigns).path), Crumb(title, url), Crumb("Распределение"),
            ])
    }
}
