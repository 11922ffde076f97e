//! The provincial roll-up (tổng hợp kết quả kiểm tra HTQLCL): the Department of Science and
//! Technology inspects every agency of the province once a year and reports to the People's
//! Committee. Each dossier is reduced to one [`AgencySummary`] as soon as it is read (and can
//! then be dropped), and the rows make a [`Province`]: totals by agency kind and grouping, the
//! agencies failing the yearly requirements, and the common shortcomings by rule.
//!
//! ```
//! use qms_core::rollup::{Province, RollupOptions, summarize};
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! let opts = RollupOptions { year: 2026, today };
//! let mut province = Province::new(opts);
//! for (i, name) in ["UBND xã An Bình", "UBND phường Hoa Lư"].iter().enumerate() {
//!     let mut d = qms_core::starter::starter_dossier(name);
//!     d.id = format!("agency-{i}");
//!     let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
//!     province.add(summarize(&format!("{i}.json"), &d, &diags, &opts));
//! }
//! let top = &province.shortcomings()[0];
//! assert_eq!(top.agencies.len(), 2);
//! ```

mod province;
mod province_of;
mod rejection;
mod summary;
#[cfg(test)]
mod tests;

pub use province::{Province, Shortcoming, Tally, kind_noun, kind_plural, same_province};
pub use province_of::province_of;
pub use rejection::{Rejected, Rejection};
pub use summary::{AgencySummary, Requirement, dossier_year, summarize};

/// What a roll-up needs besides the dossiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RollupOptions {
    /// The inspected year; dossiers of another year are reported, not counted.
    pub year: i32,
    /// The date of the roll-up, the report's own date.
    pub today: chrono::NaiveDate,
}

impl RollupOptions {
    /// The date the inspected year is judged at: the roll-up's date, or the last day of the
    /// inspected year when the roll-up comes later ("within 12 months" ends here, overdue
    /// means due before it, the checks run as of it). A year rolled up after it ended is
    /// judged as it stood at its end, not by what was due the following year.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let past = qms_core::rollup::RollupOptions { year: 2025, today };
    /// assert_eq!(past.as_of(), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
    /// let current = qms_core::rollup::RollupOptions { year: 2026, today };
    /// assert_eq!(current.as_of(), today);
    /// ```
    pub fn as_of(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, 12, 31)
            .filter(|end| *end < self.today)
            .unwrap_or(self.today)
    }
}
