//! Quality gate on our own fixtures (`tests/fixtures/records/`): documents of the same
//! genres from other networks, committees and trials, with hand-written gold.

mod common;

#[test]
fn fixtures_meet_goals() {
    let cases = common::fixture_cases();
    let s = common::total(&cases);
    let report = format!("{}\n{}", common::summary(&s), common::report(&cases));
    println!("{report}");
    assert!(
        cases.len() >= 6,
        "at least six own documents of different layouts"
    );
    assert!(s.trials.f1() >= 0.90, "{report}");
    assert!(s.participation.f1() >= 0.90, "{report}");
    assert!(s.figures.f1() >= 0.90, "{report}");
    assert!(s.figures_with_trial.f1() >= 0.85, "{report}");
    assert!(s.decisions.f1() >= 0.95, "{report}");
    // Outcome and vote of each decision whose gold gives them (minutes fixtures).
    assert!(s.outcomes.tp >= 9, "{report}");
    assert!(s.outcomes.f1() >= 0.95, "{report}");
    assert!(s.votes.tp >= 5, "{report}");
    assert!(s.votes.f1() >= 0.95, "{report}");
    assert_eq!(s.metadata_right, s.documents, "{report}");
    for c in &cases {
        assert_eq!(c.pred.title, c.gold.title, "title of {}", c.name);
    }
}
