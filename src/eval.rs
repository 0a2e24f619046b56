//! `eval`: word agreement of extracted text with `truth/`, and precision/recall of
//! records against `gold/`.
