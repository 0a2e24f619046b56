//! Quality gate on the shipped corpus (`corpus/`, or `$REFERAT_CORPUS`): extraction from the truth texts scored against
//! gold must meet the project's goals, so quality cannot slide back.

mod common;

#[test]
fn corpus_truth_meets_goals() {
    let cases = common::corpus_cases();
    assert!(cases.len() >= 7, "the shipped corpus has 7 gold files");
    let s = common::total(&cases);
    let report = format!("{}\n{}", common::summary(&s), common::report(&cases));
    println!("{report}");
    assert!(s.trials.f1() >= 0.95, "{report}");
    assert!(s.participation.f1() >= 0.95, "{report}");
    assert!(s.figures.f1() >= 0.95, "{report}");
    assert!(s.figures_with_trial.f1() >= 0.90, "{report}");
    assert!((s.decisions.f1() - 1.0).abs() < 1e-9, "{report}");
    assert_eq!(s.metadata_right, s.documents, "{report}");
}
