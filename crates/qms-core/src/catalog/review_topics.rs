//! Management review input and output topics: ISO 9001:2015 9.3.2/9.3.3 and
//! ISO 9001:2008 5.6.2/5.6.3.
//!
//! The topics themselves are confirmed; the Vietnamese labels are working translations close
//! to TCVN usage, not the exact TCVN wording (unverified). "HTQLCL" stands for "hệ thống quản
//! lý chất lượng" (QMS).

use serde::Serialize;

use crate::{Edition, Lang};

/// One management review input or output topic, as a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReviewTopic {
    /// The item letter in the standard: "a", "b", ..., or "c1".."c7" for the sub-items of
    /// the 2015 input c.
    pub key: &'static str,
    /// The enclosing item: "c" for "c1".."c7", otherwise `None`.
    pub parent: Option<&'static str>,
    /// Working Vietnamese label.
    pub label_vi: &'static str,
    /// English label.
    pub label_en: &'static str,
    /// For a 2008 topic, the key of the 2015 topic of the same kind (2008 input "a", results
    /// of audits, is 2015 input "c6"); `None` for 2015 topics and for 2008 topics without one.
    pub maps_to_2015: Option<&'static str>,
}

impl ReviewTopic {
    /// The label in the requested language.
    ///
    /// ```
    /// use qms_core::catalog::review_inputs;
    /// use qms_core::{Edition, Lang};
    /// let f = &review_inputs(Edition::Iso9001_2015)[12];
    /// assert_eq!(f.label(Lang::Vi), "Các cơ hội cải tiến");
    /// ```
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.label_vi, self.label_en)
    }
}

/// A topic (data-table helper).
const fn topic(
    key: &'static str,
    parent: Option<&'static str>,
    label_vi: &'static str,
    label_en: &'static str,
    maps_to_2015: Option<&'static str>,
) -> ReviewTopic {
    ReviewTopic {
        key,
        parent,
        label_vi,
        label_en,
        maps_to_2015,
    }
}

/// ISO 9001:2015 9.3.2 inputs.
static INPUTS_2015: &[ReviewTopic] = &[
    topic(
        "a",
        None,
        "Tình trạng các hành động từ các lần xem xét của lãnh đạo trước",
        "Status of actions from previous management reviews",
        None,
    ),
    topic(
        "b",
        None,
        "Thay đổi về các vấn đề bên ngoài và nội bộ liên quan đến HTQLCL",
        "Changes in external and internal issues relevant to the QMS",
        None,
    ),
    topic(
        "c",
        None,
        "Thông tin về kết quả thực hiện và hiệu lực của HTQLCL, bao gồm xu hướng về",
        "Information on QMS performance and effectiveness, including trends in",
        None,
    ),
    topic(
        "c1",
        Some("c"),
        "sự thỏa mãn của khách hàng và phản hồi của các bên quan tâm",
        "customer satisfaction and feedback from relevant interested parties",
        None,
    ),
    topic(
        "c2",
        Some("c"),
        "mức độ đạt được mục tiêu chất lượng",
        "extent to which quality objectives have been met",
        None,
    ),
    topic(
        "c3",
        Some("c"),
        "kết quả thực hiện quá trình và sự phù hợp của sản phẩm, dịch vụ",
        "process performance and conformity of products and services",
        None,
    ),
    topic(
        "c4",
        Some("c"),
        "sự không phù hợp và hành động khắc phục",
        "nonconformities and corrective actions",
        None,
    ),
    topic(
        "c5",
        Some("c"),
        "kết quả theo dõi và đo lường",
        "monitoring and measurement results",
        None,
    ),
    topic("c6", Some("c"), "kết quả đánh giá", "audit results", None),
    topic(
        "c7",
        Some("c"),
        "kết quả thực hiện của nhà cung cấp bên ngoài",
        "performance of external providers",
        None,
    ),
    topic(
        "d",
        None,
        "Sự đầy đủ của nguồn lực",
        "Adequacy of resources",
        None,
    ),
    topic(
        "e",
        None,
        "Hiệu lực của các hành động giải quyết rủi ro và cơ hội",
        "Effectiveness of actions taken to address risks and opportunities",
        None,
    ),
    topic(
        "f",
        None,
        "Các cơ hội cải tiến",
        "Opportunities for improvement",
        None,
    ),
];

/// ISO 9001:2015 9.3.3 outputs (decisions and actions).
static OUTPUTS_2015: &[ReviewTopic] = &[
    topic(
        "a",
        None,
        "Các cơ hội cải tiến",
        "Opportunities for improvement",
        None,
    ),
    topic(
        "b",
        None,
        "Mọi nhu cầu thay đổi đối với HTQLCL",
        "Any need for changes to the QMS",
        None,
    ),
    topic("c", None, "Nhu cầu về nguồn lực", "Resource needs", None),
];

/// ISO 9001:2008 5.6.2 inputs.
static INPUTS_2008: &[ReviewTopic] = &[
    topic(
        "a",
        None,
        "Kết quả của các cuộc đánh giá",
        "Results of audits",
        Some("c6"),
    ),
    topic(
        "b",
        None,
        "Phản hồi của khách hàng",
        "Customer feedback",
        Some("c1"),
    ),
    topic(
        "c",
        None,
        "Việc thực hiện các quá trình và sự phù hợp của sản phẩm",
        "Process performance and product conformity",
        Some("c3"),
    ),
    topic(
        "d",
        None,
        "Tình trạng của các hành động khắc phục và phòng ngừa",
        "Status of preventive and corrective actions",
        Some("c4"),
    ),
    topic(
        "e",
        None,
        "Các hành động tiếp theo từ các cuộc xem xét của lãnh đạo lần trước",
        "Follow-up actions from previous management reviews",
        Some("a"),
    ),
    topic(
        "f",
        None,
        "Những thay đổi có thể ảnh hưởng đến HTQLCL",
        "Changes that could affect the QMS",
        Some("b"),
    ),
    topic(
        "g",
        None,
        "Các khuyến nghị về cải tiến",
        "Recommendations for improvement",
        Some("f"),
    ),
];

/// ISO 9001:2008 5.6.3 outputs (decisions and actions).
static OUTPUTS_2008: &[ReviewTopic] = &[
    topic(
        "a",
        None,
        "Việc cải tiến hiệu lực của HTQLCL và cải tiến các quá trình của hệ thống",
        "Improvement of the effectiveness of the QMS and its processes",
        Some("a"),
    ),
    topic(
        "b",
        None,
        "Việc cải tiến sản phẩm liên quan đến các yêu cầu của khách hàng",
        "Improvement of product related to customer requirements",
        Some("a"),
    ),
    topic(
        "c",
        None,
        "Nhu cầu về nguồn lực",
        "Resource needs",
        Some("c"),
    ),
];

/// The management review inputs of an edition, in the standard's order: 2015 9.3.2 a, b, c,
/// c1..c7, d, e, f; 2008 5.6.2 a..g.
pub fn review_inputs(edition: Edition) -> &'static [ReviewTopic] {
    match edition {
        Edition::Iso9001_2008 => INPUTS_2008,
        Edition::Iso9001_2015 => INPUTS_2015,
    }
}

/// The management review outputs of an edition: 2015 9.3.3 a..c; 2008 5.6.3 a..c.
///
/// Both editions also require records of the review (2015: retained documented information
/// under 9.3.3; 2008: records under 4.2.4); that is a record, not an output topic.
pub fn review_outputs(edition: Edition) -> &'static [ReviewTopic] {
    match edition {
        Edition::Iso9001_2008 => OUTPUTS_2008,
        Edition::Iso9001_2015 => OUTPUTS_2015,
    }
}

/// The input keys a complete review must cover, in order: 2015 → a, b, c1..c7, d, e, f
/// (the group header "c" is covered by its sub-items); 2008 → a..g.
///
/// ```
/// use qms_core::catalog::required_review_inputs;
/// use qms_core::Edition;
/// let keys = required_review_inputs(Edition::Iso9001_2015);
/// assert_eq!(keys.len(), 12);
/// assert!(keys.contains(&"c7") && !keys.contains(&"c"));
/// ```
pub fn required_review_inputs(edition: Edition) -> Vec<&'static str> {
    let inputs = review_inputs(edition);
    inputs
        .iter()
        .filter(|t| !inputs.iter().any(|child| child.parent == Some(t.key)))
        .map(|t| t.key)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use std::collections::HashSet;
    use unicode_normalization::is_nfc;

    const E08: Edition = Edition::Iso9001_2008;
    const E15: Edition = Edition::Iso9001_2015;

    fn keys(topics: &[ReviewTopic]) -> Vec<&str> {
        topics.iter().map(|t| t.key).collect()
    }

    #[test]
    fn topic_lists() {
        assert_eq!(
            keys(review_inputs(E15)),
            [
                "a", "b", "c", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "d", "e", "f"
            ]
        );
        assert_eq!(keys(review_outputs(E15)), ["a", "b", "c"]);
        assert_eq!(
            keys(review_inputs(E08)),
            ["a", "b", "c", "d", "e", "f", "g"]
        );
        assert_eq!(keys(review_outputs(E08)), ["a", "b", "c"]);
    }

    #[test]
    fn required_inputs() {
        let r15 = required_review_inputs(E15);
        assert_eq!(r15.len(), 12);
        assert_eq!(
            r15,
            [
                "a", "b", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "d", "e", "f"
            ]
        );
        let r08 = required_review_inputs(E08);
        assert_eq!(r08.len(), 7);
        assert_eq!(r08, ["a", "b", "c", "d", "e", "f", "g"]);
    }

    #[test]
    fn topics_are_well_formed() {
        for e in Edition::ALL {
            for (list, targets) in [
                (review_inputs(e), review_inputs(E15)),
                (review_outputs(e), review_outputs(E15)),
            ] {
                let mut seen = HashSet::new();
                for t in list {
                    assert!(seen.insert(t.key), "duplicate key {}", t.key);
                    if let Some(p) = t.parent {
                        assert!(list.iter().any(|x| x.key == p && x.parent.is_none()));
                        assert!(t.key.starts_with(p));
                    }
                    for s in [t.label_vi, t.label_en] {
                        assert!(!s.is_empty() && is_nfc(s), "label of {}", t.key);
                    }
                    assert!(t.label_en.is_ascii());
                    match e {
                        Edition::Iso9001_2015 => assert_eq!(t.maps_to_2015, None),
                        Edition::Iso9001_2008 => {
                            let m = t.maps_to_2015.unwrap();
                            assert!(targets.iter().any(|x| x.key == m), "{m}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn mapping_and_labels() {
        let audits = &review_inputs(E08)[0];
        assert_eq!(audits.maps_to_2015, Some("c6"));
        let c6 = review_inputs(E15).iter().find(|t| t.key == "c6").unwrap();
        assert_eq!(c6.label(Lang::En), "audit results");
        assert_eq!(c6.label(Lang::Vi), "kết quả đánh giá");
        assert_eq!(c6.parent, Some("c"));
        let mapped: Vec<_> = review_inputs(E08)
            .iter()
            .map(|t| t.maps_to_2015.unwrap())
            .collect();
        assert_eq!(mapped, ["c6", "c1", "c3", "c4", "a", "b", "f"]);
    }
}
