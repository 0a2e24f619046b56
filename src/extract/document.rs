//! The records of one document: the JSON contract of `shared/docs/records.md`
//! (`referat.document/1`). Fields may be added; existing ones keep names and meanings.

use serde::{Deserialize, Serialize};

/// The schema tag written into every record.
pub const SCHEMA: &str = "referat.document/1";

/// Everything extracted from one PDF.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The path the PDF was read from.
    pub source: String,
    /// Hex SHA-256 of the file.
    pub sha256: String,
    /// Number of pages.
    pub pages: u32,
    /// `status_report`, `minutes`, `slides`, `evaluation` or `other`.
    pub kind: DocumentKind,
    /// The document's title, where one is found.
    pub title: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the date the document states (never the PDF's
    /// creation date).
    pub date: Option<String>,
    /// The issuing committee or body.
    pub body: Option<String>,
    /// Case numbers (`2017-064898`, `27.00.00-P20-1-18`, `BEU Alm.del Bilag 56`).
    pub case_numbers: Vec<String>,
    /// Trials (forsøg) the document describes.
    pub trials: Vec<Trial>,
    /// Quantities with a unit or a counted noun.
    pub figures: Vec<Figure>,
    /// One per agenda item that records a decision.
    pub decisions: Vec<Decision>,
}

impl Document {
    /// A document with no records (for a file whose extraction failed).
    pub fn empty(source: &str) -> Document {
        Document {
            schema: SCHEMA.to_string(),
            source: source.to_string(),
            sha256: String::new(),
            pages: 0,
            kind: DocumentKind::Other,
            title: None,
            date: None,
            body: None,
            case_numbers: vec![],
            trials: vec![],
            figures: vec![],
            decisions: vec![],
        }
    }
}

/// The genre of a document.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A status report on trials.
    StatusReport,
    /// Minutes (referat) of a meeting.
    Minutes,
    /// A slide deck.
    Slides,
    /// An evaluation report.
    Evaluation,
    /// Anything else.
    Other,
}

impl DocumentKind {
    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::StatusReport => "status_report",
            DocumentKind::Minutes => "minutes",
            DocumentKind::Slides => "slides",
            DocumentKind::Evaluation => "evaluation",
            DocumentKind::Other => "other",
        }
    }
}

/// A trial (frikommuneforsøg) and the municipalities the document says take part.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Trial {
    /// Canonical name (from the catalog), or the cleaned heading of an unknown trial.
    pub name: String,
    /// The forms the document writes it in.
    pub as_written: Vec<String>,
    /// Official municipality names, sorted.
    pub municipalities: Vec<String>,
    /// Application round, where stated.
    pub round: Option<u32>,
    /// Start date (`YYYY-MM-DD`), where stated.
    pub start: Option<String>,
    /// `helt ophør`, `delvist ophør`, `ikke påbegyndt`, where stated.
    pub status: Option<String>,
    /// The parent trial of a sub-trial.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Pages the trial is named on.
    #[serde(default)]
    pub pages: Vec<u32>,
}

/// A quantity with its unit, provenance and context.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Figure {
    /// The text as written (`ca. 3.600.000 kr.`).
    pub raw: String,
    /// The value in the unit (`2,5 mio. kr.` is 2500000).
    pub value: f64,
    /// `DKK`, `percent`, `count`, `weeks`, `months`, `years`, `hours`, `days`.
    pub unit: String,
    /// For counts: the noun counted.
    pub counted: Option<String>,
    /// `ca.`, `knap`, `over`, `op til`, `mindst`, `i alt`, `mellem`, ...
    pub qualifier: Option<String>,
    /// The trial whose section the figure stands in.
    pub trial: Option<String>,
    /// The municipality the figure's sentence names.
    pub municipality: Option<String>,
    /// True for numbers written as words (`tre kommuner`).
    pub spelled_out: bool,
    /// 1-based page.
    pub page: u32,
    /// The sentence the figure stands in.
    pub sentence: String,
}

/// The decision recorded for one agenda item.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Decision {
    /// Agenda item number as written (`6`).
    pub item: String,
    /// The item's title.
    pub title: Option<String>,
    /// The decision text (`Til orientering.`).
    pub decision: String,
    /// Members recorded as absent.
    pub absent: Vec<String>,
    /// The item's case number.
    pub case_number: Option<String>,
    /// What was decided, as a class (`Godkendt` is approved); absent when the text
    /// says nothing decisive (`Drøftet.`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// The vote, when the minutes record one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
}

/// The class of a decision.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// `Godkendt`, `Vedtaget`, `Tiltrådt`.
    Approved,
    /// `Ikke godkendt`, `Forkastet`, `Afvist`.
    Rejected,
    /// `Udsat`.
    Postponed,
    /// `Til orientering`, `Taget til efterretning`.
    Noted,
    /// `Anbefales` (to the body that decides), `Indstilles til godkendelse`.
    Recommended,
    /// Sent on without a decision: `Fremsendes til Teknisk Udvalg`, `Oversendes til …`.
    Referred,
    /// Taken off the agenda: `Punktet udgik`, `Sagen blev trukket`.
    Withdrawn,
}

/// A recorded vote: counts and party letters on each side.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Votes {
    /// `Enstemmigt`.
    #[serde(default)]
    pub unanimous: bool,
    /// Votes for.
    #[serde(rename = "for", default, skip_serializing_if = "Option::is_none")]
    pub for_: Option<VoteSide>,
    /// Votes against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<VoteSide>,
    /// Abstentions (`undlod at stemme`, `hverken for eller imod`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abstained: Option<VoteSide>,
}

/// One side of a vote.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct VoteSide {
    /// Number of votes, when stated.
    #[serde(default)]
    pub count: Option<u32>,
    /// Party letters (`A`, `V`, `Ø`), as listed.
    #[serde(default)]
    pub parties: Vec<String>,
}
