import Foundation

extension Stylesheet {
    /// The start page: key figures, tasks with their counts, the week's lessons.
    public static let homeCSS = """
        section.start { margin-bottom: 2rem; }
        section.start > h2 { font-size: 1.35rem; border-bottom: 2px solid var(--line); padding-bottom: .3rem; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .8rem;
          margin: 0 0 1rem; }
        .figure { display: flex; flex-direction: column; gap: .2rem; padding: .8rem 1rem; background: #fff;
          border: 1px solid var(--line); border-radius: 6px; text-decoration: none; color: var(--text); }
        .figure .value { font-size: 1.6rem; font-weight: 600; color: var(--accent); }
        ul.tasks { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }
        li.task { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; }
        li.task ul { margin: .4rem 0 0; padding-left: 1.2rem; }
        li.task li { margin: .25rem 0; }
        .task-head { display: flex; justify-content: space-between; gap: 1rem; align-items: baseline; }
        .task-head .count { font-weight: 600; min-width: 2rem; text-align: center; background: var(--warn-bg);
          color: var(--warn); border-radius: 1rem; padding: 0 .5rem; }
        .more { display: inline-block; margin-top: .3rem; }
        .start-day { margin: .4rem 0 .8rem; }
        .start-day h4 { margin: .2rem 0; font-size: .95rem; }
        .start-day.today h4 { color: var(--accent); }
        """
}
