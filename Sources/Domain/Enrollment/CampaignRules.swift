import Foundation

/// Checks of a campaign's settings and of an ИУП's choices, with the Russian messages shown next to the fields.
public enum CampaignRules {
    public static func validateWindow(opens: Date?, closes: Date?, errors: inout FieldErrors) {
        if let opens, let closes, closes <= opens {
            errors.add("closesOn", "Приём заявок должен закрываться позже, чем открывается.")
        }
    }

    /// The ranked list of chosen groups: no repeats, at least one, no more than the campaign allows to rank.
    public static func validateChoices(
        _ choices: [UUID?], allowed: Set<UUID>, maxChoices: Int, errors: inout FieldErrors
    ) -> [UUID] {
        var out: [UUID] = []
        for (i, choice) in choices.enumerated() {
            guard let choice else { continue }
            if !allowed.contains(choice) {
                errors.add("choice\(i + 1)", "Этот курс недоступен в этой кампании для вашего класса.")
                continue
            }
            if out.contains(choice) {
                errors.add("choice\(i + 1)", "Этот курс уже выбран выше.")
                continue
            }
            out.append(choice)
        }
        if out.isEmpty && errors["choice1"] == nil { errors.add("choice1", "Выберите хотя бы один курс.") }
        if out.count > maxChoices { errors.add("choice\(maxChoices + 1)", "Можно выбрать не больше \(maxChoices).") }
        return out
    }

    /// How many courses a student may rank: a few more than they may get, so that a full group is no dead end.
    public static func choiceSlots(maxCourses: Int) -> Int { min(5, maxCourses + 2) }
}
