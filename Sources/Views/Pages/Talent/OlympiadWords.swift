import Domain
import Foundation

/// The words of the municipal stage of the ВсОШ (issue 21, item 3).
public enum OlympiadWords {
    public static let stageNoun = "Муниципальный этап"
    public static let stageNewTitle = "Новый муниципальный этап олимпиады"
    public static let stageArchiveConsequence =
        "Этап уйдёт в архив вместе с его результатами; школы перестанут видеть приглашённых. Этап можно будет восстановить."
    /// The grades of the municipal stage (the ВсОШ's order: 7th to 11th).
    public static let grades = Array(7...11)

    /// «Муниципальный этап: математика, 2025/2026».
    public static func stageTitle(subject: String, year: String) -> String {
        "Муниципальный этап: \(subject), \(year)"
    }

    /// «7 класс».
    public static func grade(_ grade: Int) -> String { "\(grade) класс" }

    /// «10; 10; 20» as the methodologist writes it.
    public static func numbers(_ values: [Double]) -> String {
        values.map(TalentWords.scoreText).joined(separator: "; ")
    }

    public static func status(_ status: OlympiadStatus) -> String {
        switch status {
        case .winner: "победитель"
        case .prizeWinner: "призёр"
        case .participant: "участник"
        case .tieUndecided: "ждёт решения"
        }
    }

    /// The badge colour of a status.
    public static func statusKind(_ status: OlympiadStatus) -> String {
        switch status {
        case .winner: "signed"
        case .prizeWinner: "active"
        case .participant: "archived"
        case .tieUndecided: "expiring"
        }
    }

    public static func reasons(_ reasons: [OlympiadInvitation.Reason]) -> String {
        reasons.map(\.title).joined(separator: "; ")
    }

    /// «квота 45 % — 4 из 10 участников».
    public static func quota(percent: Int, seats: Int, of participants: Int) -> String {
        "квота \(percent) % — \(seats) из \(RussianPlural.count(participants, "участника", "участников", "участников"))"
    }

    /// The tie's warning above a grade's table.
    public static func tie(total: Double, count: Int, seats: Int) -> String {
        "На границе квоты \(RussianPlural.count(count, "участник", "участника", "участников")) с равным "
            + "результатом \(TalentWords.points(total)), а мест в квоте для них осталось: \(seats). Решите, признать "
            + "ли их всех победителями или призёрами; решение будет записано."
    }

    public static let staleDecision =
        "Записанное решение о равных баллах относилось к другому результату на границе квоты (после апелляции): оно "
        + "больше не действует."

    /// «был 35 → стал 38, балл повышен».
    public static func appeal(old: Double, new: Double, outcome: AppealOutcome) -> String {
        "\(TalentWords.scoreText(old)) → \(TalentWords.scoreText(new)), \(outcome.title)"
    }

    /// Names of the form fields, also the audit's.
    public enum Field {
        public static let subject = "Предмет"
        public static let year = "Учебный год"
        public static let quota = "Квота победителей и призёров, % участников"
        public static let winnerMin = "Победитель: больше … % максимального балла"
        public static let prizeMin = "Призёр: больше … % максимального балла"
        public static let passing = "Проходной балл"
        public static let tasks = "Максимальные баллы заданий"
        public static let student = "Участник"
        public static let code = "Код участника"
        public static let gradeCompeted = "Класс, за который выполнял задания"
        public static let scores = "Баллы по заданиям"
        public static let total = "Итого"
        public static let note = "Решение апелляционной комиссии"
        public static let tieChoice = "Решение"
        public static let tieReason = "Основание"
    }

    /// Messages of the checks, each shown under its field.
    public enum Check {
        public static let chooseSubject = "Выберите предмет из списка."
        public static let hasResults = "Предмет и учебный год не меняются: у этапа уже есть результаты участников."
        public static let chooseYear = "Выберите учебный год из списка."
        public static let percent = "Укажите целое число от 0 до 100."
        public static let duplicateStage = "Муниципальный этап по этому предмету в этом учебном году уже есть."
        public static let noOlympiad =
            "В списке «Олимпиады и конкурсы» нет всероссийской олимпиады школьников: сначала добавьте её."
        public static func passing(maximum: Double) -> String {
            "Проходной балл — число от 0 до максимального балла (\(TalentWords.scoreText(maximum)))."
        }
        public static let passingNeedsTasks = "Сначала укажите задания этого класса: проходной балл не выше их суммы."
        public static let tasks = "Перечислите максимальные баллы заданий через «;», например: 10; 10; 20."
        public static let chooseStudent = "Выберите участника из списка приглашённых."
        public static let notInvited = "Этот обучающийся не приглашён на муниципальный этап по этому предмету."
        public static let alreadyEntered = "Результат этого участника уже внесён: измените его в протоколе."
        public static let code = "Укажите код участника (до 20 знаков)."
        public static let duplicateCode = "Такой код уже есть у другого участника этого этапа."
        public static let gradeCompeted = "Класс участия — класс обучения или старше, с 7-го по 11-й."
        public static let noTasks =
            "Для этого класса ещё не заданы задания: задайте их в «Проходных баллах и заданиях»."
        public static let nothingToPublish = "Результатов участников пока нет: утверждать нечего."
        public static let concurrent = "Этот участник или этот код только что внесены другим пользователем."
        public static let note = "Запишите решение комиссии (до 1000 знаков)."
        public static let chooseTie = "Выберите решение."
        public static let tieReason = "Укажите основание решения (до 500 знаков)."
        public static let noTie = "На границе квоты этого класса сейчас нет равных баллов: решать нечего."

        /// The problem of a list of scores, named for the field.
        public static func scores(_ problem: OlympiadScores.Problem) -> String {
            switch problem {
            case .empty: "Укажите баллы по заданиям через «;», например: 5; 7,5; 10."
            case .notANumber(let text): "«\(text)» — не число. Баллы пишутся через «;», например: 5; 7,5; 10."
            case .negative: "Балл не может быть отрицательным."
            case .wrongCount(let expected, let got):
                "Заданий \(expected), а баллов указано \(got): укажите балл за каждое задание."
            case .aboveMaximum(let task, let maximum):
                "Балл за задание № \(task) больше его максимума (\(TalentWords.scoreText(maximum)))."
            }
        }
    }

    public static let gradesTitle = "Проходные баллы и задания"
    public static let invitedTitle = "Приглашённые"
    public static let ratingTitle = "Рейтинг и протокол"
    public static let enterResult = "Внести результат"
    public static let tieWaiting =
        "В рейтинге есть равные баллы на границе квоты: статусы этих участников ждут решения методиста."
    /// The protocol's columns (page and XLSX).
    public static let protocolColumns = [
        "Класс участия", "Место", "Код", "Участник", "Школа", "Класс обучения", "Баллы по заданиям", "Итого",
        "Максимум", "Статус", "Апелляция",
    ]

    /// The audit's name of a grade's tie decision.
    public static func tieField(_ grade: Int) -> String { "Равные баллы на границе квоты, \(grade) класс" }

    /// «признать всех (квота превышена) — равные баллы у призёров (metodist, 12.12.2025)».
    public static func decision(choice: TieChoice, reason: String, by: String, on: String) -> String {
        "\(choice.title) — \(reason) (\(by), \(on))"
    }

    public static let publishTitle = "Утвердить результаты"
    public static let publishButton = "Утвердить и опубликовать"
    public static func publishQuestion(_ count: Int) -> String {
        "Утвердить результаты \(RussianPlural.count(count, "участника", "участников", "участников"))?"
    }
    public static let publishConsequence =
        "Статусы, баллы и места войдут в достижения обучающихся (муниципальный этап ВсОШ; внесённые школой записи "
        + "того же результата будут исправлены по протоколу). Протокол появится на общедоступной странице — только "
        + "участники, чьи родители дали согласие на публикацию: фамилия, инициалы, класс и балл. После апелляции "
        + "результаты можно утвердить снова."
    public static let publishedField = "Результаты утверждены"
    public static func published(_ count: Int) -> String {
        "Результаты утверждены: \(RussianPlural.count(count, "запись", "записи", "записей")) в достижениях."
    }
    public static let notPublished = "Результаты этого этапа не опубликованы."
    public static let publicLink = "Общедоступный протокол"

    public static let protocolSheet = "Протокол"
    public static let sessionDeleteButton = "Удалить"
    public static func yesNo(_ value: Bool) -> String { value ? "да" : "нет" }
    /// A session's line in the audit: «10.12.2026, 3 ч, Орлов В. П. (привлечённый): Комбинаторика».
    public static func sessionLine(date: String, hours: Double, trainer: String, outside: Bool, topic: String) -> String
    {
        "\(date), \(TalentWords.scoreText(hours)) ч, \(trainer)\(outside ? " (привлечённый)" : ""): \(topic)"
    }

    public static let notSaved = "Ничего не сохранено: исправьте выделенные поля."
    public static let regionalTitle = "Региональный этап: участники и подготовка"
    public static let regionalIntro =
        "Участники муниципального этапа, вошедшие в список регионального этапа, и подготовительные занятия с ними в "
        + "ресурсных центрах. Тренеры — педагоги центра или привлечённые; часы привлечённых оплачиваются из "
        + "муниципальной программы по согласованию."
    public static let regionalSaved = "Список участников регионального этапа сохранён."
    public static let regionalField = "Участники регионального этапа"
    public static let sessionAdded = "Занятие добавлено."
    public static let sessionDeleted = "Занятие удалено."
    public static let sessionNoun = "Подготовительное занятие"
    public static let sessionDeleteQuestion = "Удалить подготовительное занятие?"
    public static let sessionDeleteConsequence =
        "Занятие исчезнет из списка и из часов тренера; запись останется в журнале изменений."

    /// The regional stage's results (issue 21, item 3): written into the students' achievements.
    public enum Regional {
        public static let resultsTitle = "Результаты регионального этапа"
        public static let resultsIntro =
            "Результат и балл каждого участника попадают в его достижения — во «Всероссийскую олимпиаду школьников», "
            + "региональный этап этого учебного года, с тренерами подготовительных занятий из реестра. Запись, "
            + "внесённая школой, исправляется; «нет результата» отправляет запись этапа в архив."
        public static let date = "Дата проведения"
        public static let dateHint = "Необязательно; например, 20.01.2026."
        public static let result = "Результат"
        public static let score = "Балл"
        public static let none = "— нет результата —"
        public static let save = "Сохранить результаты"
        public static let chooseResult = "Выберите результат из списка."
        public static let scoreWithoutResult = "Укажите результат: балл без него не сохраняется."
        public static let nobody = "В списке регионального этапа никого нет."
        public static let noConsent = "Согласия на обработку данных нет: результат не передаётся из школы."
        public static let noConsentRow = "Согласие на обработку данных отозвано: результат не вносится."
        public static let editionArchived =
            "Региональный этап олимпиады этого года в архиве («Олимпиады и конкурсы»): верните его, чтобы внести "
            + "результаты."
        public static let stateField = "Состояние"
        public static let auditField = "Результаты регионального этапа"
        public static func saved(_ count: Int) -> String {
            count == 0
                ? "Результаты не изменились."
                : "Результаты регионального этапа сохранены: "
                    + RussianPlural.count(count, "изменение", "изменения", "изменений") + " в достижениях."
        }
    }

    /// Checks of a preparation session.
    public enum Session {
        public static let center = "Выберите ресурсный центр из списка."
        public static let hours = "Часов — число от 0,5 до 12, например 1,5."
        public static let trainer = "Выберите тренера из реестра или впишите, кого в нём нет (до 200 знаков)."
        public static let trainerChoice = "Выберите тренера из списка."
        public static let trainerTwice = "Тренер уже выбран из реестра: оставьте это поле пустым."
        public static let topic = "Укажите тему занятия (до 300 знаков)."
    }

    /// The databank of gifted students' words (issue 21, item 4).
    public enum Gifted {
        public static let ruleTitle = "Правило включения в банк данных одарённых"
        public static let ruleSaved = "Правило включения сохранено: банк данных пересчитан."
        public static let decisionField = "Банк одарённых: решение КМЦ"
        public static let chooseStudent = "Выберите обучающегося с согласием на обработку данных."
        public static let alreadyDecided = "Этот обучающийся уже включён решением КМЦ."
        public static let decided = "Обучающийся включён в банк данных по решению КМЦ."
        public static let notMember = "Этого обучающегося нет в банке данных одарённых."
        public static let noDecision = "Решения КМЦ об этом обучающемся нет."
        public static let removeTitle = "Снять решение КМЦ"
        public static let removeButton = "Снять решение"
        public static func removeQuestion(_ name: String) -> String { "Снять решение КМЦ о включении: \(name)?" }
        public static func removeConsequence(_ reason: String) -> String {
            "Решение «\(reason)» будет удалено; обучающийся останется в банке данных, только если его достижения "
                + "подходят под правило. Запись останется в журнале изменений."
        }
        public static let removed = "Решение КМЦ снято."
        public static let addToBank = "Включить в банк одарённых"
        /// A network course's state on the databank card.
        public static func courseState(enrolled: Bool) -> String { enrolled ? "учится или окончил" : "выбыл" }
        public static let badID = "Укажите идентификатор (UUID) из справочника."
    }

    /// The results import's words.
    public enum Import {
        public static let chooseFile = "Выберите файл CSV или XLSX."
        public static func emptyFile(_ name: String) -> String { "Файл «\(name)» пустой." }
        public static let notInvited =
            "Нет среди приглашённых на этап: проверьте фамилию, имя, отчество и дату рождения (как в реестре)."
        public static func repeated(_ line: Int) -> String { "Повторяет строку \(line)." }
        public static let fileField = "Файл"
        public static func loaded(_ count: Int) -> String {
            "Загружено: \(RussianPlural.count(count, "результат", "результата", "результатов"))."
        }
        public static let link = "Загрузить из файла"
    }

    /// Flash messages.
    public static let gradesSaved = "Проходные баллы и задания сохранены."
    public static let resultSaved = "Результат участника сохранён."
    public static let appealSaved = "Решение апелляционной комиссии записано, рейтинг пересчитан."
    public static let tieSaved = "Решение о равных баллах записано."
}
