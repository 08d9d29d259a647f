//! What a run produced: standard output, lines for standard error, and how
//! it ended. Every mode returns one; `app` writes it out.

/// How a run ended; the exit status is the discriminant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Something was printed.
    Found = 0,
    /// Nothing matched.
    NotFound = 1,
    /// A usage or data error.
    Error = 2,
}

/// Standard output, lines for standard error, and the status. Kept apart
/// from the writing so every mode is a plain function.
pub struct Report {
    pub out: String,
    pub notes: Vec<String>,
    pub status: Status,
}

impl Report {
    pub fn new(status: Status) -> Report {
        Report {
            out: String::new(),
            notes: Vec::new(),
            status,
        }
    }

    pub fn error(message: impl Into<String>) -> Report {
        let mut report = Report::new(Status::Error);
        report.note(message);
        report
    }

    /// Adds a `kamus: `-prefixed line for standard error.
    pub fn note(&mut self, message: impl Into<String>) {
        self.notes.push(format!("kamus: {}", message.into()));
    }
}
