import Foundation

/// A template an administrator writes (issue 22, item 1: «Administrators create other templates … and edit them»),
/// as text: a line «# Раздел» opens a section; each measure is a line «№; мероприятие центра; срок; мероприятие МОУО;
/// срок; подтверждение» — the number may be empty, one of the two sides may be left out, a deadline is written as the
/// roadmaps of `004_5209da8e0aa92458.txt` write them («до 31.05», «апрель-июнь», «ежеквартально», «до 5 числа месяца,
/// следующего за кварталом»; words that make no date stay words), and the last field («да» or «нет», optional) says
/// whether marking it done needs evidence (left out: as Setka reads the measure's words).
extension RoadmapTemplate {
    public static let textMeasureLimit = 400

    /// The sections of the text, or nil with the first problem named by its line under `field`.
    public static func sections(_ text: String, field: String, errors: inout FieldErrors) -> [Section]? {
        var sections: [Section] = []
        var count = 0
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                guard !title.isEmpty, title.count <= 300 else {
                    errors.add(field, "Строка \(number): после «#» укажите название раздела (до 300 символов).")
                    return nil
                }
                sections.append(Section(title, []))
                continue
            }
            guard !sections.isEmpty else {
                errors.add(field, "Строка \(number): сначала заголовок раздела — строка «# Название раздела».")
                return nil
            }
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, cells.count <= 6, cells.allSatisfy({ $0.count <= 1000 }) else {
                errors.add(
                    field,
                    "Строка \(number): «№; мероприятие центра; срок; мероприятие МОУО; срок; подтверждение» — от "
                        + "трёх до шести полей через «;», каждое до 1000 символов.")
                return nil
            }
            func cell(_ at: Int) -> String? { at < cells.count && !cells[at].isEmpty ? cells[at] : nil }
            let center = cell(1)
            let authority = cell(3)
            guard center != nil || authority != nil else {
                errors.add(field, "Строка \(number): укажите мероприятие центра или МОУО.")
                return nil
            }
            for (measure, deadline, side) in [(center, cell(2), "центра"), (authority, cell(4), "МОУО")] {
                if measure != nil, deadline == nil {
                    errors.add(field, "Строка \(number): укажите срок мероприятия \(side).")
                    return nil
                }
                if measure == nil, deadline != nil {
                    errors.add(field, "Строка \(number): срок \(side) без мероприятия.")
                    return nil
                }
            }
            var evidence: Bool?
            if let said = cell(5)?.lowercased() {
                guard let value = ["да": true, "нет": false][said] else {
                    errors.add(field, "Строка \(number): подтверждение — «да» или «нет» (или ничего).")
                    return nil
                }
                evidence = value
            }
            count += 1
            guard count <= textMeasureLimit else {
                errors.add(field, "Не больше \(textMeasureLimit) мероприятий в шаблоне.")
                return nil
            }
            sections[sections.count - 1].measures.append(
                Measure(
                    number: cell(0), center: center, centerDeadline: cell(2), authority: authority,
                    authorityDeadline: cell(4), evidence: evidence))
        }
        if let empty = sections.first(where: { $0.measures.isEmpty }) {
            errors.add(field, "В разделе «\(empty.title)» нет ни одного мероприятия.")
            return nil
        }
        guard count > 0 else {
            errors.add(field, "Напишите хотя бы один раздел с мероприятием.")
            return nil
        }
        return sections
    }

    /// The template as the editor shows it; `sections(_:field:errors:)` reads it back the same.
    public var text: String {
        sections.map { section in
            (["# " + section.title]
                + section.measures.map { measure in
                    var cells = [
                        measure.number ?? "", measure.center ?? "", measure.centerDeadline ?? "",
                        measure.authority ?? "",
                        measure.authorityDeadline ?? "", measure.evidence.map { $0 ? "да" : "нет" } ?? "",
                    ]
                    while cells.count > 3, cells.last == "" { cells.removeLast() }
                    return cells.joined(separator: "; ")
                }).joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
