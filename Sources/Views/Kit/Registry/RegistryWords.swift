import Domain
import Foundation

/// Words every registry section shares: flash messages after a save, the archive confirmation, card actions,
/// common filters and the messages of shared form checks.
public enum RegistryWords {
    /// The audit log's name of a record's state.
    public static let stateField = "Состояние"
    /// A record that is not there (the noun is the section's: «Предмет»).
    public static func notFound(_ noun: String) -> String {
        noun.prefix(1).uppercased() + noun.dropFirst() + " не найден(а)."
    }
    /// The heading of a record's edit form.
    public static func editTitle(_ title: String) -> String { "Изменение: \(title)" }
    /// After a record was added.
    public static func added(_ title: String) -> String { "Запись «\(title)» добавлена." }
    /// A record that may not be edited in its present state.
    public static let notEditable = "Эту запись сейчас изменить нельзя."
    /// After a record was saved.
    public static let saved = "Изменения сохранены."
    /// A unique index refused a record another user saved a moment earlier.
    public static let duplicateRace = "Такая запись только что сохранена другим пользователем: обновите список."
    /// After a record was archived.
    public static let archived = "Запись перенесена в архив."
    /// After a record was restored.
    public static let restored = "Запись возвращена из архива."
    /// Someone else saved the record first.
    public static let conflict =
        "Пока вы редактировали, эту запись сохранил другой пользователь. Ваши изменения не сохранены; ниже — текущие "
        + "значения. Внесите правки ещё раз."
    /// An API filter by organisation with something that is not an id.
    public static let badOrganization = "Фильтр organization — идентификатор организации (UUID)."
    /// What an API filter takes, after a value outside it.
    public static func allowedValues(_ values: [String]) -> String { "допустимо: " + values.joined(separator: ", ") }

    /// Messages of the shared checks of an organisation or subject chosen in a form.
    public enum Choice {
        /// No organisation chosen.
        public static let chooseOrganization = "Выберите организацию."
        /// An organisation outside the list.
        public static let organizationFromList = "Выберите организацию из списка."
        /// A subject outside the list.
        public static let subjectsFromList = "Выберите предметы из списка."
        /// No subject chosen where one is required.
        public static let atLeastOneSubject = "Выберите хотя бы один предмет."
    }

    /// Buttons of a registry card.
    public enum Actions {
        /// The card's edit link.
        public static let edit = "Изменить"
        /// The card's archive link.
        public static let archive = "В архив"
        /// The card's restore button.
        public static let restore = "Вернуть из архива"
    }

    /// The common filters of a registry list.
    public enum Filters {
        /// The `status` filter: active, archived or all.
        public static let status = FieldSpec(
            "status", "Состояние",
            .select(RecordStatus.allCases.map { ($0.rawValue, $0.title) } + [("all", "Все")], empty: nil))
        /// The search box.
        public static let search = FieldSpec("q", "Поиск", .text("search"))
    }
}

extension ConfirmPage {
    /// The confirmation before a registry record goes to the archive.
    public static func archive(_ area: Registry, id: UUID, title: String, consequence: String) -> ConfirmPage {
        ConfirmPage(
            title: "Перенос в архив", question: "Перенести «\(title)» в архив?", consequence: consequence,
            action: SiteURL.archive(area, id).path, button: "Перенести в архив",
            cancelURL: SiteURL.record(area, id).path,
            crumbs: [
                Crumb(MenuArea.registry(area).title, SiteURL.list(area).path),
                Crumb(title, SiteURL.record(area, id).path), Crumb("Архив"),
            ])
    }
}

extension RegistryForm {
    /// A new record's form of a section with these fields, before anything is typed (a page model's preview).
    public static func preview(_ area: Registry, title: String, fields: [FieldSpec], values: FormValues = FormValues())
        -> RegistryForm
    {
        RegistryForm(
            title: title, crumbs: [Crumb(MenuArea.registry(area).title, SiteURL.list(area).path)],
            action: SiteURL.new(area).path, cancelURL: SiteURL.list(area).path, fields: fields, values: values)
    }
}

extension RegistryCard {
    /// A section's card with these facts, without actions or history (a page model's preview).
    public static func preview(
        _ area: Registry, title: String, facts: [(String, String)], sections: [Section] = [], warnings: [String] = []
    ) -> RegistryCard {
        RegistryCard(
            title: title, area: area, status: .active, facts: facts, actions: [], warnings: warnings,
            sections: sections, history: nil)
    }
}
