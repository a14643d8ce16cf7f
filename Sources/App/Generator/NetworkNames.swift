import Foundation

/// Invented names for the generated network: surnames, first names and patronymics combined at random (no list of
/// real people), towns that are on no map, streets and the titles of courses.
enum NetworkNames {
    /// Male surnames; the female form adds «а» (Берестов → Берестова).
    static let surnames = [
        "Берестов", "Ветлугин", "Гречишников", "Дубравин", "Ельников", "Жаворонков", "Зимогоров", "Ивняков",
        "Калинов", "Липатьев", "Мостовин", "Некрасов", "Ольшанин", "Перелесов", "Рябинин", "Сугробов", "Талызин",
        "Ушаков", "Фролищев", "Хвощов", "Черёмухин", "Шиповников", "Щеглов", "Яровой", "Брусникин", "Вересов",
        "Годунцов", "Дятлов", "Ежевикин", "Клюквин", "Ломоносцев", "Медуницын", "Налимов", "Осокин", "Пескарёв",
        "Родников", "Синицын", "Тополев", "Ясенев",
    ]
    static let boys = [
        "Артём", "Богдан", "Всеволод", "Глеб", "Данила", "Егор", "Захар", "Иван", "Кирилл", "Лев", "Матвей", "Никита",
        "Олег", "Пётр", "Роман", "Савелий", "Тимофей", "Фёдор", "Ярослав", "Мирон",
    ]
    static let girls = [
        "Алиса", "Варвара", "Василиса", "Дарья", "Ева", "Злата", "Кира", "Ксения", "Любовь", "Мария", "Мила",
        "Надежда", "Олеся", "Полина", "Раиса", "Софья", "Таисия", "Ульяна", "Юлиана", "Ярослава",
    ]
    /// Fathers' names as patronymics: (male, female).
    static let patronymics = [
        ("Алексеевич", "Алексеевна"), ("Борисович", "Борисовна"), ("Васильевич", "Васильевна"),
        ("Григорьевич", "Григорьевна"), ("Денисович", "Денисовна"), ("Евгеньевич", "Евгеньевна"),
        ("Ильич", "Ильинична"), ("Константинович", "Константиновна"), ("Леонидович", "Леонидовна"),
        ("Михайлович", "Михайловна"), ("Николаевич", "Николаевна"), ("Павлович", "Павловна"),
        ("Романович", "Романовна"), ("Степанович", "Степановна"), ("Тарасович", "Тарасовна"),
        ("Юрьевич", "Юрьевна"),
    ]
    static let adultMen = ["Аркадий", "Вадим", "Геннадий", "Дмитрий", "Игорь", "Олег", "Станислав", "Юрий"]
    static let adultWomen = ["Алла", "Галина", "Елена", "Зоя", "Инна", "Лариса", "Нина", "Ольга", "Светлана", "Тамара"]

    static let townStarts = [
        "Светло", "Красно", "Верхне", "Нижне", "Тихо", "Бело", "Сосново", "Ольхово", "Ключе", "Зарече", "Камыше",
        "Ясно",
    ]
    static let townEnds = ["озёрск", "горск", "речинск", "борск", "польск", "лесск"]
    static let streets = [
        "ул. Ленина", "ул. Лесная", "ул. Озёрная", "ул. Строителей", "пр. Мира", "ул. Энергетиков", "ул. Садовая",
        "ул. Набережная", "ул. Юбилейная", "ул. Молодёжная", "ул. Заводская", "ул. Школьная",
    ]

    /// A municipality's town, different for each of the first 72 municipalities; «Светлоозёрск» first, as in the demo.
    static func town(_ index: Int) -> String {
        let start = townStarts[index % townStarts.count]
        let end = townEnds[(index / townStarts.count + index) % townEnds.count]
        let name = start + end
        return index < townStarts.count * townEnds.count
            ? name : name + "-\(index / (townStarts.count * townEnds.count) + 1)"
    }

    /// Course titles by subject (the subject's name as `DemoData.subjects` spells it).
    static let courses: [String: [String]] = [
        "математика": ["Олимпиадная математика", "Математика: задачи с параметром", "Геометрия в пространстве"],
        "информатика": ["Программирование на Python", "Алгоритмы и структуры данных", "Основы робототехники"],
        "физика": ["Физика в эксперименте", "Олимпиадная физика", "Инженерная физика"],
        "химия": ["Химия в задачах", "Органическая химия", "Химический практикум"],
        "биология": ["Биология клетки", "Юный эколог", "Основы медицины"],
        "русский язык": ["Школа юного журналиста", "Трудные вопросы орфографии", "Культура речи"],
        "литература": ["Литературная мастерская", "Читаем классику", "Театральная студия"],
        "история": ["История родного края", "Олимпиадная история", "Музейное дело"],
        "обществознание": ["Основы финансовой грамотности", "Обществознание: эссе", "Дебаты"],
        "право": ["Основы права", "Школа юного юриста", "Права человека"],
        "экономика": ["Экономика для старшеклассников", "Предпринимательство", "Бизнес-проекты"],
        "английский язык": ["Английский для олимпиад", "Деловой английский", "Разговорный клуб"],
        "география": ["Геоинформатика", "Краеведение", "Туризм и ориентирование"],
    ]

    static let topics = [
        "Вводное занятие", "Разбор задач", "Практикум", "Олимпиадные задачи", "Работа над проектом",
        "Самостоятельная работа", "Обсуждение решений", "Лабораторная работа", "Защита проектов",
    ]

    /// «Физика» from «физика», for group names.
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

/// A made-up person: surname, given name, patronymic (sometimes none) and sex.
struct GeneratedPerson: Sendable {
    var surname: String
    var given: String
    var patronymic: String?
    var female: Bool

    var fullName: String { [surname, given, patronymic].compactMap { $0 }.joined(separator: " ") }

    static func make(_ rng: inout SplitMix64, adult: Bool, female: Bool? = nil, patronymicChance: Int = 90)
        -> GeneratedPerson
    {
        let isFemale = female ?? rng.chance(50)
        let base = rng.pick(NetworkNames.surnames)
        let surname = isFemale ? (base.hasSuffix("ой") ? String(base.dropLast(2)) + "ая" : base + "а") : base
        let names =
            adult
            ? (isFemale ? NetworkNames.adultWomen : NetworkNames.adultMen)
            : (isFemale ? NetworkNames.girls : NetworkNames.boys)
        let given = rng.pick(names)
        let pair = rng.pick(NetworkNames.patronymics)
        let patronymic = rng.chance(patronymicChance) ? (isFemale ? pair.1 : pair.0) : nil
        return GeneratedPerson(surname: surname, given: given, patronymic: patronymic, female: isFemale)
    }
}
