import Domain
import Foundation

/// Words of the talent registry outside its pages (issue 21): nouns, form checks, audit field names.
public enum TalentWords {
    public static let subjectNoun = "Предмет олимпиады"
    public static let subjectNewTitle = "Новый предмет олимпиады"
    public static let subjectArchiveConsequence =
        "Предмет пропадёт из списка выбора в достижениях; достижения, в которых он указан, сохранят его."
    public static let contestNoun = "Олимпиада или конкурс"
    public static let contestNewTitle = "Новая олимпиада или конкурс"
    public static let contestArchiveConsequence =
        "Олимпиада или конкурс пропадёт из списков выбора; проведения и достижения в нём сохранятся."
    public static let editionNoun = "Проведение"
    public static let editionNewTitle = "Новое проведение олимпиады или конкурса"
    public static let editionArchiveConsequence =
        "Проведение пропадёт из списка выбора в достижениях; достижения в нём сохранятся."
    public static let achievementNoun = "Достижение"
    public static let achievementNewTitle = "Новое достижение"
    public static let achievementArchiveConsequence =
        "Достижение пропадёт из списков и из банка данных; его можно будет вернуть из архива."
    /// The student card's link to a new achievement.
    public static let addAchievement = "Добавить достижение"
    /// The contest card's link to a new edition.
    public static let addEdition = "Добавить проведение"

    /// An edition as a choice and a title: «Всероссийская олимпиада школьников — муниципальный этап, 2025/2026».
    public static func editionTitle(contest: String, kind: ContestKind, level: ContestLevel, year: String) -> String {
        "\(contest) — \(stage(kind: kind, level: level)), \(year)"
    }

    /// An edition's stage or level without the contest: «муниципальный этап», «региональный уровень».
    public static func stage(kind: ContestKind, level: ContestLevel) -> String {
        kind == .allRussianOlympiad ? level.olympiadStage : "\(level.title) уровень"
    }

    /// A student as a form's choice: «Иванов Пётр Сергеевич, 9Б класс».
    public static func studentChoice(name: String, grade: Int, letter: String?) -> String {
        "\(name), \(grade)\(letter ?? "") класс"
    }

    /// The result with its place and score, as a list shows it: «призёр, 2 место, 87,5 балла».
    public static func result(_ result: AchievementResult, place: Int?, score: Double?) -> String {
        var parts = [result.title]
        if let place { parts.append("\(place) место") }
        if let score { parts.append(points(score)) }
        return parts.joined(separator: ", ")
    }

    /// A score with its noun: «87 баллов», «87,5 балла» (a fraction takes the genitive singular).
    public static func points(_ score: Double) -> String {
        guard score.rounded() != score else { return RussianPlural.count(Int(score), "балл", "балла", "баллов") }
        return scoreText(score) + " балла"
    }

    /// A score as a Russian number: «87», «87,5».
    public static func scoreText(_ score: Double) -> String {
        score.rounded() == score
            ? String(Int(score))
            : String(format: "%.2f", score).replacingOccurrences(of: "0$", with: "", options: .regularExpression)
                .replacingOccurrences(of: ".", with: ",")
    }

    /// A member of staff among the form's preparers: «Смирнова Анна Викторовна — учитель математики».
    public static func preparerChoice(name: String, position: String) -> String { "\(name) — \(position)" }

    /// Who prepared a student: the staff registry's names, then the others as the school wrote them; «—» for nobody.
    public static func preparers(names: [String], others: String?) -> String {
        let all = names + [others].compactMap { $0 }.filter { !$0.isEmpty }
        return all.isEmpty ? "—" : all.joined(separator: ", ")
    }

    /// Messages of the forms' checks, each shown under its field.
    public enum Check {
        public static let duplicateSubject = "Такой предмет олимпиады уже есть в списке."
        public static let duplicateContest = "Олимпиада или конкурс с таким названием уже есть в списке."
        public static let duplicateEdition =
            "Это проведение уже есть: у олимпиады или конкурса одно проведение на учебный год и уровень."
        public static let levelOfOlympiad = "У всероссийской олимпиады уровень задаёт этап: выберите его."
        public static let chooseContest = "Выберите олимпиаду или конкурс из списка."
        public static let chooseYear = "Выберите учебный год из списка."
        public static let endsBeforeStart = "Дата окончания раньше даты начала."
        public static let chooseStudent = "Выберите обучающегося из списка."
        public static let notYourStudent = "Достижения этого обучающегося вносит его школа."
        public static let chooseEdition = "Выберите проведение из списка."
        public static let subjectRequired = "Для всероссийской олимпиады укажите предмет."
        public static let chooseSubject = "Выберите предмет из списка."
        public static let duplicateAchievement =
            "У обучающегося уже есть результат в этом проведении по этому предмету или номинации."
        public static let gradeCompeted = "Класс участия — класс обучения или старше, не выше 11-го."
        public static let scoreRange = "Укажите балл числом от 0 до 1000, например 87,5."
        public static let achievedInFuture = "Дата результата ещё не наступила."
        public static let choosePreparer = "Выберите педагогов и тренеров из списка."
    }

    /// Messages of the achievements import.
    public enum Import {
        public static let studentNotFound =
            "Такого обучающегося нет в реестре школы: проверьте фамилию, имя, отчество и дату рождения."
        public static func contestNotFound(_ title: String) -> String {
            "Олимпиады или конкурса «\(title)» нет в списке: добавьте его в «Олимпиады и конкурсы» или исправьте название."
        }
        public static func yearNotFound(_ title: String) -> String { "Учебного года «\(title)» нет в реестре." }
        public static func subjectNotFound(_ name: String) -> String {
            name.isEmpty
                ? "Для всероссийской олимпиады укажите предмет из её перечня."
                : "Предмета «\(name)» нет в перечне предметов олимпиады."
        }
        public static func repeated(_ line: Int) -> String {
            "Повтор строки \(line): тот же обучающийся, проведение и предмет."
        }
        public static let chooseFile = "Выберите файл CSV или XLSX."
        public static func emptyFile(_ name: String) -> String { "Файл «\(name)» пустой." }
        public static let notOneSchool =
            "Загружать достижения может администратор школы: файл — об обучающихся одной школы."
        public static func auditTitle(fileName: String, count: Int) -> String {
            "Загрузка достижений из файла «\(fileName)»: \(RussianPlural.count(count, "запись", "записи", "записей"))"
        }
        public static func loaded(_ count: Int) -> String {
            "Загружено: \(RussianPlural.count(count, "достижение", "достижения", "достижений"))."
        }
    }

    /// Words of the consent to publication (item 7) and the public page.
    public enum Publication {
        public static let field = "Согласие на публикацию достижений"
        public static let none = "нет"
        public static let give = "Разрешить публикацию достижений"
        public static let withdraw = "Отозвать согласие на публикацию"
        public static let giveTitle = "Согласие на публикацию достижений"
        public static func giveQuestion(_ name: String) -> String {
            "Разрешить публиковать на странице «Наши победители» имя, школу, класс и достижения: \(name)?"
        }
        public static let giveConsequence =
            "Публикуются только победы и призовые места. Согласие можно отозвать в любой момент: ребёнок сразу "
            + "пропадёт со страницы."
        public static let giveButton = "Разрешить"
        public static let withdrawTitle = "Отзыв согласия на публикацию"
        public static func withdrawQuestion(_ name: String) -> String {
            "Отозвать согласие на публикацию достижений: \(name)?"
        }
        public static let withdrawConsequence = "Ребёнок сразу пропадёт со страницы «Наши победители»."
        public static let withdrawButton = "Отозвать"
        public static let given = "Согласие на публикацию достижений дано."
        public static let withdrawn = "Согласие на публикацию достижений отозвано."
        public static let noProcessingConsent =
            "Сначала нужно согласие на обработку персональных данных: без него достижения не публикуются."
    }

    /// Words of an achievement's scan.
    public enum Document {
        public static let field = "Скан документа"
        public static let none = "Скана документа нет."
        public static let missingFile =
            "Файл скана не найден в папке хранения (SETKA_FILES_DIR): сообщите администратору и загрузите скан заново."
        public static let chooseFile = "Выберите файл скана."
        public static let uploaded = "Скан документа загружен."
        public static let deleted = "Скан документа удалён."
        public static let upload = "Загрузить скан документа"
        public static let download = "Скачать скан документа"
        public static let remove = "Удалить скан"
        public static let deleteTitle = "Удаление скана"
        public static func deleteQuestion(_ name: String) -> String { "Удалить скан «\(name)»?" }
        public static let deleteConsequence = "Файл будет удалён безвозвратно; номер документа в достижении останется."
        public static let deleteButton = "Удалить"
    }

    /// Names of fields in the audit log.
    public enum Field {
        public static let name = "Название"
        public static let profiles = "Профили"
        public static let kind = "Вид"
        public static let level = "Уровень"
        public static let direction = "Направленность"
        public static let organizer = "Организатор"
        public static let note = "Примечание"
        public static let contest = "Олимпиада или конкурс"
        public static let year = "Учебный год"
        public static let dates = "Сроки"
        public static let place = "Место проведения"
        public static let student = "Обучающийся"
        public static let edition = "Проведение"
        public static let subject = "Предмет или номинация"
        public static let result = "Результат"
        public static let grades = "Класс обучения / участия"
        public static let achievedOn = "Дата"
        public static let preparedBy = "Подготовили"
        public static let preparedByOthers = "Подготовили (нет в реестре)"
        public static let document = "Документ"
    }
}
