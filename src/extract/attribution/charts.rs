//! Charts whose data the text layer gives as lines: a caption over "Bornholm 74" lines,
//! or a slide's bar chart whose category labels and data labels come out as two runs.

use super::{figure, trial_of_label};
use crate::extract::structure::Paragraph;
use crate::extract::{figures, trials, Catalog, Figure};
use regex::Regex;
use std::sync::LazyLock;

/// A chart's caption: "Figur 3.2 …", "Diagram 1 …".
pub(super) static CHART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Figur|Diagram)\s+\d").unwrap_or_else(|e| panic!("{e}")));

/// One data line of a chart, "Bornholm 74": the label's figure in the caption's unit.
pub(super) fn point(
    catalog: &Catalog,
    caption: &str,
    p: &Paragraph,
    trial: Option<String>,
) -> Option<Figure> {
    static POINT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\p{Lu}[\p{L}\- ]{1,40}?)\s+(\d+(?:,\d+)?\s*(?:%|pct\.?)?)$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    let c = POINT.captures(p.text.trim())?;
    let (label, value) = (c.get(1)?.as_str(), c.get(2)?.as_str());
    let q = figures::table_cell(value, "", label, caption, false)?;
    let place = catalog.municipality(label).map(String::from);
    Some(figure(q, trial, place, p.page, p.text.clone()))
}

/// A chart whose category labels and data labels come out as two runs of lines (a
/// slide's bar chart: "Samtaler" / "Rehabiliteringsteams" / … then "5.480" / "1.640" /
/// …): the numbers from `i` on pair with as many labels right before them, in the unit
/// of the caption above the labels ("Timer pr. forsøg"). Three pairs or more, on one
/// page; `None` when no such chart's data start at `i`.
pub(super) fn columns(
    catalog: &Catalog,
    paras: &[Paragraph],
    i: usize,
    discovery: &trials::Discovery,
    section: Option<&str>,
) -> Option<Vec<Figure>> {
    let page = paras.get(i)?.page;
    let bare = |p: &Paragraph| p.page == page && super::BARE_NUMBER.is_match(p.text.trim());
    // (Asked of every paragraph: most are no number, and the run must start at `i`.)
    let k = paras[i..].iter().take_while(|p| bare(p)).count();
    if k < 3
        || i.checked_sub(1)
            .and_then(|k| paras.get(k))
            .is_some_and(bare)
    {
        return None;
    }
    let caption = paras.get(i.checked_sub(k + 1)?)?;
    let labels = &paras[i - k..i];
    let is_label = |p: &Paragraph| {
        p.page == page
            && !p.text.contains(char::is_numeric)
            && p.text.split_whitespace().count() <= 4
            && !p.text.ends_with([':', '.'])
    };
    if caption.page != page || !labels.iter().all(is_label) {
        return None;
    }
    let values = &paras[i..i + k];
    // (A bar's label may be a short name the text has not used: "Psykologforsøget".)
    let trial_of = |label: &str| {
        trial_of_label(catalog, discovery, label).or_else(|| {
            trials::short_name_stem(label).and_then(|stem| catalog.trial_of_stem(&stem))
        })
    };
    // Bars by trial: a label that names none is no trial of the section's.
    let by_trial = labels.iter().any(|l| trial_of(l.text.trim()).is_some());
    let out = labels
        .iter()
        .zip(values)
        .filter_map(|(label, value)| {
            let label = label.text.trim();
            let q = figures::table_cell(value.text.trim(), &caption.text, label, "", false)?;
            let trial = trial_of(label)
                .or(section.filter(|_| !by_trial))
                .map(String::from);
            let place = catalog.municipality(label).map(String::from);
            Some(figure(
                q,
                trial,
                place,
                page,
                format!("{label} {}", value.text.trim()),
            ))
        })
        .collect::<Vec<_>>();
    (out.len() == k).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::structure::Kind;

    #[test]
    fn a_charts_labels_and_data_labels_pair_up() {
        let para = |text: &str| Paragraph::new(7, text, Kind::Heading);
        let paras: Vec<Paragraph> = [
            "Timer pr. forsøg",
            "Psykologforsøget",
            "Mentorforsøget",
            "Attester",
            "5.480",
            "1.640",
            "120",
            "Kilde: egne tal",
        ]
        .map(para)
        .to_vec();
        let catalog = Catalog::builtin();
        let discovery = trials::Discovery::default();
        assert!(columns(&catalog, &paras, 3, &discovery, None).is_none());
        let points = columns(&catalog, &paras, 4, &discovery, Some("Mikrolån"));
        let points: Vec<_> = points
            .unwrap_or_default()
            .into_iter()
            .map(|f| (f.value, f.unit, f.trial))
            .collect();
        assert_eq!(
            points,
            [
                (5480.0, "hours".into(), Some("Psykologbehandling".into())),
                (1640.0, "hours".into(), Some("Lempede mentorregler".into())),
                // (Bars by trial: an unknown label is no trial of the section's.)
                (120.0, "hours".into(), None),
            ]
        );
    }
}
