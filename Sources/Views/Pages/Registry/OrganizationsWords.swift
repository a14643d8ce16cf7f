import Domain
import Foundation

/// Words of the organisations registry outside its pages: flash messages, refusals, archive confirmation, audit fields.
public enum OrganizationsWords {
    /// After an organisation was added.
    public static func added(_ name: String) -> String { "Организация «\(name)» добавлена." }
    /// Only a coordinator or administrator changes an organisation's kind.
    public static let kindChangeRefused = "Тип организации меняет координатор КМЦ или администратор."
    /// After an organisation was archived.
    public static let archived = "Организация перенесена в архив."
    /// After an organisation was restored.
    public static let restored = "Организация возвращена из архива."
    /// An organisation that is not there.
    public static let notFound = "Организация не найдена."
    /// The confirmation before an organisation goes to the archive.
    public static func archiveConfirm(id: UUID, name: String) -> ConfirmPage {
        ConfirmPage(
            title: "Перенос в архив", question: "Перенести «\(name)» в архив?",
            consequence:
                "Организация пропадёт из списков и с публичной страницы, но её история и связанные записи сохранятся. "
                + "Вернуть её можно с карточки.",
            action: SiteURL.organizationArchive(id).path, button: "Перенести в архив",
            cancelURL: SiteURL.organization(id).path,
            crumbs: [
                Crumb("Организации", SiteURL.organizations.path), Crumb(name, SiteURL.organization(id).path),
                Crumb("Архив"),
            ])
    }
    /// The fields the audit log and the history compare, with Russian names.
    public static func audit(
        kind: OrganizationKind, fullName: String, shortName: String, address: String?, phone: String?,
        email: String?, website: String?, headName: String?, status: RecordStatus
    ) -> [String: String] {
        [
            "Тип": kind.title, "Полное название": fullName, "Краткое название": shortName, "Адрес": address ?? "",
            "Телефон": phone ?? "", "Электронная почта": email ?? "", "Сайт": website ?? "",
            "Руководитель": headName ?? "", "Состояние": status.title,
        ]
    }
}
