import Domain
import Foundation

/// The words of plans made from roadmap templates (issue 22, item 2).
public enum PlanWords {
    public static let itemVersionRequired = "Укажите версию пункта."
    public static let template = "Шаблон плана"
    public static func templateVersion(_ number: Int) -> String { "Шаблон плана (версия \(number))" }
    public static let title = "Планы"
    public static let intro =
        "Планы организаций и муниципалитета, составленные по дорожным картам: пункты со сроками, ответственными и "
        + "подтверждением выполнения. Просроченные пункты выделены."
    public static let newTitle = "Новый план"
    public static let create = "Создать план"
    public static let created = "План составлен по шаблону."
    public static let saved = "Пункт плана сохранён."
    public static let notSaved = "Пункт не сохранён: исправьте отмеченные поля."
    public static let planNotSaved = "План не составлен: исправьте отмеченные поля."
    public static let changed =
        "Пункт уже изменил другой пользователь. Ниже — текущие значения; внесите изменения ещё раз."
    public static let noPlans = "Планов на этот год нет."
    public static let noItems = "Пунктов с такими условиями нет."
    public static let municipalityOwner = "Муниципалитет (план МОУО)"
    public static let kmcOwner = "КМЦ (решения совещаний)"
    public static let planNoun = "План"
    public static let itemNoun = "Пункт плана"
    public static let chooseTemplate = "Выберите шаблон."
    public static let chooseOwner = "Выберите организацию из списка."
    public static let deleteTitle = "Удалить план"
    public static let deleteButton = "Удалить план"
    public static let deleted = "План удалён."
    public static let deleteConsequence =
        "Пункты плана, их состояние и подтверждения будут удалены; запись об удалении останется в журнале изменений."
    public static func deleteQuestion(_ title: String) -> String { "Удалить план «\(title)»?" }
    /// «План по шаблону «…» на 2027 год у «…» уже есть.»
    public static func exists(_ owner: String, year: Int) -> String {
        "План по этому шаблону на \(year) год у организации «\(owner)» уже есть."
    }
    public static func existsMunicipality(year: Int) -> String {
        "План МОУО по этому шаблону на \(year) год уже есть."
    }

    public enum Field {
        public static let template = "Шаблон"
        public static let owner = "Чей план"
        public static let ownerHint =
            "Ресурсный центр или школа, где работает центр «Точка роста»; мероприятия МОУО войдут в тот же план."
        public static let year = "Год"
        public static let status = "Состояние"
        public static let dueOn = "Срок"
        public static let dueHint = "Срок по шаблону; если шаблон не называет дату, её устанавливают МОУО или КМЦ."
        public static let doneOn = "Дата выполнения"
        public static let doneHint = "Если не указать, — сегодняшняя."
        public static let responsible = "Ответственный"
        public static let responsibleHint = "ФИО и должность, если ответственного нет среди пользователей Setka."
        public static let responsibleUser = "Ответственный пользователь"
        public static let responsibleUserHint = "Увидит пункт в «Моих сроках» и сможет отметить его."
        public static let evidenceNote = "Подтверждение: что сделано"
        public static let evidenceLink = "Ссылка на документ или публикацию"
        public static let cancelReason = "Причина отмены"
    }

    public enum Column {
        public static let number = "№"
        public static let measure = "Мероприятие"
        public static let due = "Срок"
        public static let responsible = "Ответственный"
        public static let status = "Состояние"
        public static let evidence = "Подтверждение"
    }

    public static func side(_ side: PlanItemDraft.Side) -> String {
        switch side {
        case .center: "центр"
        case .authority: "МОУО"
        }
    }

    /// «Выполнено 12 из 80; в срок — 75 % наступивших сроков; просрочено 3; без даты 2.»
    public static func summary(_ progress: PlanProgress) -> String {
        var parts = ["Выполнено \(progress.done) из \(progress.total)"]
        if let percent = progress.onTimePercent { parts.append("в срок — \(percent)\u{00A0}% наступивших сроков") }
        parts.append("просрочено \(progress.overdue)")
        if progress.undated > 0 { parts.append("без даты \(progress.undated)") }
        return parts.joined(separator: "; ") + "."
    }

    public static let chooseUser = "Выберите пользователя из списка."

    /// An item's facts as its page lists them (empty ones left out, the deadline and who answers always shown).
    public static func facts(
        section: String, number: String?, authority: Bool, deadline: String, startsOn: String?, responsible: String,
        doneOn: String?, note: String?, link: String?, evidenceRequired: Bool, cancelReason: String?
    ) -> [(String, String)] {
        [
            ("Раздел", section), ("№", number ?? ""), ("Чьё мероприятие", authority ? "МОУО" : "Центр"),
            ("Срок", deadline), ("Начало", startsOn ?? ""), ("Ответственный", responsible),
            ("Дата выполнения", doneOn ?? ""), ("Подтверждение", note ?? ""), ("Ссылка", link ?? ""),
            ("Нужно подтверждение", evidenceRequired ? "да" : "нет"), ("Причина отмены", cancelReason ?? ""),
        ].filter { !$0.1.isEmpty || ["Срок", "Ответственный"].contains($0.0) }
    }

    public static let dueFixed = "Срок пункта меняют МОУО и КМЦ."
    public static let responsibleFixed = "Ответственного назначают МОУО, КМЦ или организация, чей это план."
    public static let printHint = "Для печати — Ctrl+P: меню, кнопки и фильтры на бумагу не попадут."
    public static let overdue = "просрочено"
    public static let undated = "дата уточняется"
    public static func quarter(_ quarter: Int) -> String { "за \(quarter) квартал" }
    public static let evidenceRequired = "нужно подтверждение"
    public static let evidenceFile = "файл"
    public static let evidenceLinkTitle = "ссылка"

    public enum Filter {
        public static let side = "Чьи мероприятия"
        public static let state = "Пункты"
        public static let all = "все"
        public static let open = "невыполненные"
        public static let overdue = "просроченные"
        public static let done = "выполненные"
    }
}

extension PlanWords {
    /// An item's evidence file.
    public enum Evidence {
        public static let title = "Файл подтверждения"
        public static let field = "Файл подтверждения"
        public static let none = "Файла подтверждения нет."
        public static let missingFile =
            "Файл не найден в папке хранения (SETKA_FILES_DIR): сообщите администратору и приложите файл заново."
        public static let chooseFile = "Выберите файл подтверждения."
        public static let uploaded = "Файл подтверждения приложен."
        public static let deleted = "Файл подтверждения удалён."
        public static let deleteTitle = "Удаление файла подтверждения"
        public static func deleteQuestion(_ name: String) -> String { "Удалить файл «\(name)»?" }
        public static let deleteConsequence = "Файл будет удалён безвозвратно; запись останется в истории пункта."
        public static let deleteButton = "Удалить"
        public static let lastEvidence =
            "Пункт выполнен, и этот файл — его единственное подтверждение: сначала опишите результат или дайте "
            + "ссылку в форме пункта."
        /// «Приказ, отчёт, протокол: PDF, JPEG или PNG до 5 МБ. Сейчас приложен: …; новый файл заменит его.»
        public static func intro(_ current: String?) -> String {
            "Приказ, отчёт, протокол, фотоотчёт: PDF, JPEG или PNG до 5 МБ."
                + (current.map { " Сейчас приложен: \($0); новый файл заменит его." } ?? "")
        }
    }
}
