//! The walk over a dossier: first every id is defined, then every reference is resolved.

use super::Validator;
use crate::catalog;
use crate::load::{InvalidValue, JsonPath, RefKind};
use crate::model::{Audit, FindingKind, ManagementReview};
// foldhash (several times faster than SipHash on short ids): the indexes are only looked up,
// never iterated, so their order cannot reach any output.
use foldhash::{HashMap, HashMapExt};
use std::collections::hash_map::Entry;

fn root(key: &str) -> JsonPath {
    JsonPath::root().key(key)
}

impl<'d> Validator<'d> {
    pub(super) fn check_all(&mut self) {
        self.define_all();
        self.check_organisation();
        self.check_programmes();
        let d = self.d;
        for (ai, audit) in d.audits.iter().enumerate() {
            self.check_audit(ai, audit);
        }
        self.check_inspections();
        self.check_corrective_actions();
        for (ri, review) in d.management_reviews.iter().enumerate() {
            self.check_review(ri, review);
        }
        self.check_objectives_and_registers();
    }

    pub(super) fn define_all(&mut self) {
        let d = self.d;
        for (i, u) in d.units.iter().enumerate() {
            self.define(RefKind::Unit, &u.id, || root("units").index(i));
        }
        for (i, p) in d.people.iter().enumerate() {
            self.define(RefKind::Person, &p.id, || root("people").index(i));
        }
        for (i, p) in d.procedures.iter().enumerate() {
            self.define(RefKind::Procedure, &p.id, || root("procedures").index(i));
        }
        for (i, a) in d.announcements.iter().enumerate() {
            self.define(RefKind::Announcement, &a.id, || {
                root("announcements").index(i)
            });
        }
        for (i, o) in d.quality_objectives.iter().enumerate() {
            self.define(RefKind::Objective, &o.id, || {
                root("quality_objectives").index(i)
            });
        }
        let reg = |k: &str, i: usize| root("registers").key(k).index(i);
        for (i, x) in d.registers.internal_documents.iter().enumerate() {
            self.define(RefKind::InternalDocument, &x.id, || {
                reg("internal_documents", i)
            });
        }
        for (i, x) in d.registers.external_documents.iter().enumerate() {
            self.define(RefKind::ExternalDocument, &x.id, || {
                reg("external_documents", i)
            });
        }
        for (i, x) in d.registers.records.iter().enumerate() {
            self.define(RefKind::Record, &x.id, || reg("records", i));
        }
        for (i, p) in d.programmes.iter().enumerate() {
            let at = || root("programmes").index(i);
            self.define(RefKind::Programme, &p.id, at);
            for (j, pa) in p.planned.iter().enumerate() {
                self.define(RefKind::PlannedAudit, &pa.id, || {
                    at().key("planned").index(j)
                });
            }
        }
        for (i, a) in d.audits.iter().enumerate() {
            let at = || root("audits").index(i);
            self.define(RefKind::Audit, &a.id, at);
            for (j, c) in a.checklists.iter().enumerate() {
                self.define(RefKind::Checklist, &c.id, || {
                    at().key("checklists").index(j)
                });
            }
            for (j, f) in a.findings.iter().enumerate() {
                self.define(RefKind::Finding, &f.id, || at().key("findings").index(j));
            }
        }
        for (i, x) in d.inspections.iter().enumerate() {
            for (j, f) in x.findings.iter().enumerate() {
                self.define(RefKind::Finding, &f.id, || {
                    root("inspections").index(i).key("findings").index(j)
                });
            }
        }
        for (i, c) in d.corrective_actions.iter().enumerate() {
            self.define(RefKind::CorrectiveAction, &c.id, || {
                root("corrective_actions").index(i)
            });
        }
        for (i, r) in d.management_reviews.iter().enumerate() {
            let at = || root("management_reviews").index(i);
            self.define(RefKind::Review, &r.id, at);
            for (j, dec) in r.decisions.iter().enumerate() {
                self.define(RefKind::Decision, &dec.id, || {
                    at().key("decisions").index(j)
                });
            }
        }
    }

    fn check_organisation(&mut self) {
        let d = self.d;
        for (i, u) in d.units.iter().enumerate() {
            self.opt_reference(RefKind::Person, &u.head, || {
                root("units").index(i).key("head")
            });
        }
        for (i, p) in d.people.iter().enumerate() {
            self.opt_reference(RefKind::Unit, &p.unit, || {
                root("people").index(i).key("unit")
            });
        }
        self.references(RefKind::Unit, &d.scope.units, || root("scope").key("units"));
        for (i, e) in d.scope.exclusions.iter().enumerate() {
            self.clause(&e.clause, || {
                root("scope").key("exclusions").index(i).key("clause")
            });
        }
        for (i, p) in d.procedures.iter().enumerate() {
            let at = || root("procedures").index(i);
            self.reference(RefKind::Unit, &p.owner_unit, || at().key("owner_unit"));
            self.clauses(&p.clauses, || at().key("clauses"));
        }
        for (i, a) in d.announcements.iter().enumerate() {
            let at = || root("announcements").index(i);
            self.references(RefKind::Procedure, &a.procedures, || at().key("procedures"));
            self.references(RefKind::Unit, &a.units, || at().key("units"));
            // The exclusions of an announcement use the edition it announced.
            for (j, c) in a.exclusions.iter().enumerate() {
                if !catalog::is_known(a.edition, c) {
                    self.problems.push(crate::Problem::new(
                        at().key("exclusions").index(j),
                        crate::ProblemKind::UnknownClause {
                            id: c.clone(),
                            edition: a.edition,
                        },
                    ));
                }
            }
        }
    }

    fn check_programmes(&mut self) {
        let d = self.d;
        for (i, p) in d.programmes.iter().enumerate() {
            let at = || root("programmes").index(i);
            self.opt_reference(RefKind::Person, &p.approved_by, || at().key("approved_by"));
            for (j, pa) in p.planned.iter().enumerate() {
                let at = || at().key("planned").index(j);
                self.reference(RefKind::Unit, &pa.unit, || at().key("unit"));
                if !(1..=12).contains(&pa.month) {
                    self.invalid(at().key("month"), InvalidValue::Month { found: pa.month });
                }
                self.clauses(&pa.clauses, || at().key("clauses"));
                self.references(RefKind::Procedure, &pa.procedures, || {
                    at().key("procedures")
                });
            }
        }
    }

    fn check_audit(&mut self, ai: usize, audit: &'d Audit) {
        let at = || root("audits").index(ai);
        self.opt_reference(RefKind::Programme, &audit.programme, || {
            at().key("programme")
        });
        self.references(RefKind::PlannedAudit, &audit.planned, || {
            at().key("planned")
        });
        let plan = &audit.plan;
        let pat = || at().key("plan");
        self.order((plan.start, "start"), (plan.end, "end"), pat);
        for (i, m) in plan.team.iter().enumerate() {
            self.reference(RefKind::Person, &m.person, || {
                pat().key("team").index(i).key("person")
            });
        }
        for (i, row) in plan.schedule.iter().enumerate() {
            let at = || pat().key("schedule").index(i);
            self.opt_reference(RefKind::Unit, &row.unit, || at().key("unit"));
            self.clauses(&row.clauses, || at().key("clauses"));
            self.references(RefKind::Procedure, &row.procedures, || {
                at().key("procedures")
            });
            self.references(RefKind::Person, &row.auditors, || at().key("auditors"));
            self.opt_reference(RefKind::Person, &row.auditee_representative, || {
                at().key("auditee_representative")
            });
            self.order((row.start, "start"), (row.end, "end"), at);
        }
        // Items are looked up per checklist of this audit.
        let mut items: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
        for (ci, c) in audit.checklists.iter().enumerate() {
            let at = || at().key("checklists").index(ci);
            self.reference(RefKind::Unit, &c.unit, || at().key("unit"));
            self.reference(RefKind::Person, &c.auditor, || at().key("auditor"));
            let ids = items.entry(&c.id).or_default();
            // Sized once: a checklist of a million items would otherwise rehash twenty times.
            ids.reserve(c.items.len());
            let mut dup = Vec::new();
            for (ii, item) in c.items.iter().enumerate() {
                // One look-up per item (a lookup then an insert hashed and probed twice).
                match ids.entry(&item.id) {
                    Entry::Occupied(first) => dup.push((ii, *first.get())),
                    Entry::Vacant(slot) => {
                        slot.insert(ii);
                    }
                }
            }
            for (ii, first) in dup {
                let item_at = at().key("items").index(ii).key("id");
                self.problems.push(crate::Problem::new(
                    item_at,
                    crate::ProblemKind::DuplicateId {
                        id: c.items.get(ii).map(|it| it.id.clone()).unwrap_or_default(),
                        first: at().key("items").index(first).key("id"),
                    },
                ));
            }
            for (ii, item) in c.items.iter().enumerate() {
                let at = || at().key("items").index(ii);
                if item.id.trim().is_empty() {
                    self.invalid(at().key("id"), InvalidValue::EmptyId);
                }
                if item.clauses.is_empty() {
                    self.invalid(at().key("clauses"), InvalidValue::NoClause);
                }
                self.clauses(&item.clauses, || at().key("clauses"));
                self.opt_reference(RefKind::Procedure, &item.procedure, || {
                    at().key("procedure")
                });
            }
        }
        let graded = self.d.settings.grade_nonconformities;
        for (fi, f) in audit.findings.iter().enumerate() {
            let at = || at().key("findings").index(fi);
            self.reference(RefKind::Unit, &f.unit, || at().key("unit"));
            self.clauses(&f.clauses, || at().key("clauses"));
            self.opt_reference(RefKind::Procedure, &f.procedure, || at().key("procedure"));
            self.opt_reference(RefKind::Person, &f.auditor, || at().key("auditor"));
            if let Some(ack) = &f.acknowledgement {
                self.reference(RefKind::Person, &ack.by, || {
                    at().key("acknowledgement").key("by")
                });
            }
            let grading_clash = f.kind.is_nonconformity()
                && (f.kind.is_graded() != graded
                    || (graded && f.kind == FindingKind::Nonconformity));
            if grading_clash {
                let kind = match f.kind {
                    FindingKind::MajorNonconformity => "major_nonconformity",
                    FindingKind::MinorNonconformity => "minor_nonconformity",
                    _ => "nonconformity",
                };
                self.invalid(at().key("kind"), InvalidValue::Grading { kind, graded });
            }
            match (&f.checklist, &f.item) {
                (Some(c), item) => match items.get(c.as_str()) {
                    None => self.reference(RefKind::Checklist, c, || at().key("checklist")),
                    Some(ids) => {
                        if let Some(item) = item
                            && !ids.contains_key(item.as_str())
                        {
                            self.reference(RefKind::ChecklistItem, item, || at().key("item"));
                        }
                    }
                },
                (None, Some(_)) => {
                    self.invalid(at().key("item"), InvalidValue::ItemWithoutChecklist)
                }
                (None, None) => {}
            }
        }
    }

    fn check_inspections(&mut self) {
        let d = self.d;
        for (i, x) in d.inspections.iter().enumerate() {
            for (j, f) in x.findings.iter().enumerate() {
                let at = || root("inspections").index(i).key("findings").index(j);
                self.reference(RefKind::Unit, &f.unit, || at().key("unit"));
                self.clauses(&f.clauses, || at().key("clauses"));
                self.opt_reference(RefKind::Procedure, &f.procedure, || at().key("procedure"));
                if let Some(ack) = &f.acknowledgement {
                    self.reference(RefKind::Person, &ack.by, || {
                        at().key("acknowledgement").key("by")
                    });
                }
            }
        }
    }

    fn check_corrective_actions(&mut self) {
        let d = self.d;
        for (i, ca) in d.corrective_actions.iter().enumerate() {
            let at = || root("corrective_actions").index(i);
            self.opt_reference(RefKind::Finding, &ca.finding, || at().key("finding"));
            self.reference(RefKind::Unit, &ca.unit, || at().key("unit"));
            self.opt_reference(RefKind::Person, &ca.raised_by, || at().key("raised_by"));
            if let Some(c) = &ca.correction {
                self.opt_reference(RefKind::Person, &c.by, || at().key("correction").key("by"));
            }
            for (j, step) in ca.actions.iter().enumerate() {
                let at = || at().key("actions").index(j);
                // A unit may own an action instead of a person (decision record 0004).
                if !step.owner.is_empty() {
                    self.reference(RefKind::Person, &step.owner, || at().key("owner"));
                }
                self.opt_reference(RefKind::Unit, &step.owner_unit, || at().key("owner_unit"));
                if step.owner_ref().is_none() {
                    self.invalid(at().key("owner"), InvalidValue::NoOwner);
                }
                for (k, ext) in step.extensions.iter().enumerate() {
                    let at = || at().key("extensions").index(k);
                    self.opt_reference(RefKind::Person, &ext.approved_by, || {
                        at().key("approved_by")
                    });
                    self.order((ext.from, "from"), (ext.to, "to"), at);
                }
            }
            if let Some(a) = &ca.approval {
                self.reference(RefKind::Person, &a.by, || at().key("approval").key("by"));
                self.order((ca.raised_on, "raised_on"), (a.date, "date"), || {
                    at().key("approval")
                });
            }
            if let Some(v) = &ca.verification {
                self.reference(RefKind::Person, &v.by, || {
                    at().key("verification").key("by")
                });
                self.order((ca.raised_on, "raised_on"), (v.date, "date"), || {
                    at().key("verification")
                });
            }
            self.opt_reference(RefKind::CorrectiveAction, &ca.follow_up, || {
                at().key("follow_up")
            });
        }
    }

    fn check_review(&mut self, ri: usize, r: &'d ManagementReview) {
        let at = || root("management_reviews").index(ri);
        let m = &r.meeting;
        self.reference(RefKind::Person, &m.chair, || {
            at().key("meeting").key("chair")
        });
        self.reference(RefKind::Person, &m.secretary, || {
            at().key("meeting").key("secretary")
        });
        self.references(RefKind::Person, &m.attendees, || {
            at().key("meeting").key("attendees")
        });
        for (k, a) in m.absent.iter().enumerate() {
            self.reference(RefKind::Person, &a.person, || {
                at().key("meeting").key("absent").index(k).key("person")
            });
        }
        if let (Some(s), Some(e)) = (m.start, m.end) {
            self.order((s, "start"), (e, "end"), || at().key("meeting"));
        }
        if let (Some(s), Some(e)) = (r.period_start, r.period_end) {
            self.order((s, "period_start"), (e, "period_end"), at);
        }
        if let Some(prev) = &r.previous {
            if *prev == r.id {
                self.invalid(at().key("previous"), InvalidValue::SelfReference);
            } else {
                self.reference(RefKind::Review, prev, || at().key("previous"));
            }
        }
        let inputs = catalog::review_inputs(self.edition);
        for (i, input) in r.inputs.iter().enumerate() {
            let at = || at().key("inputs").index(i);
            if !inputs.iter().any(|t| t.key == input.topic) {
                let edition = self.edition;
                self.invalid(
                    at().key("topic"),
                    InvalidValue::ReviewTopic {
                        key: input.topic.clone(),
                        edition,
                        output: false,
                    },
                );
            }
            self.opt_reference(RefKind::Person, &input.presenter, || at().key("presenter"));
        }
        let previous = r
            .previous
            .as_ref()
            .and_then(|p| self.d.management_reviews.iter().find(|x| &x.id == p));
        for (i, f) in r.follow_ups.iter().enumerate() {
            let at = || at().key("follow_ups").index(i).key("decision");
            match previous {
                Some(prev) if !prev.decisions.iter().any(|dec| dec.id == f.decision) => {
                    self.problems.push(crate::Problem::new(
                        at(),
                        crate::ProblemKind::UnknownReference {
                            target: RefKind::Decision,
                            id: f.decision.clone(),
                        },
                    ));
                }
                Some(_) => {}
                None => self.reference(RefKind::Decision, &f.decision, at),
            }
        }
        let outputs = catalog::review_outputs(self.edition);
        for (i, dec) in r.decisions.iter().enumerate() {
            let at = || at().key("decisions").index(i);
            if !outputs.iter().any(|t| t.key == dec.output) {
                let edition = self.edition;
                self.invalid(
                    at().key("output"),
                    InvalidValue::ReviewTopic {
                        key: dec.output.clone(),
                        edition,
                        output: true,
                    },
                );
            }
            self.opt_reference(RefKind::Person, &dec.owner, || at().key("owner"));
            self.opt_reference(RefKind::Unit, &dec.unit, || at().key("unit"));
        }
    }

    fn check_objectives_and_registers(&mut self) {
        let d = self.d;
        for (i, o) in d.quality_objectives.iter().enumerate() {
            let at = || root("quality_objectives").index(i);
            self.opt_reference(RefKind::Unit, &o.unit, || at().key("unit"));
            self.references(RefKind::ActionOrDecision, &o.actions, || {
                at().key("actions")
            });
        }
        let reg = || root("registers");
        for (i, doc) in d.registers.internal_documents.iter().enumerate() {
            self.opt_reference(RefKind::Unit, &doc.owner_unit, || {
                reg().key("internal_documents").index(i).key("owner_unit")
            });
        }
        for (i, doc) in d.registers.external_documents.iter().enumerate() {
            self.references(RefKind::Unit, &doc.applies_to, || {
                reg().key("external_documents").index(i).key("applies_to")
            });
        }
        for (i, rec) in d.registers.records.iter().enumerate() {
            let at = || reg().key("records").index(i);
            self.opt_reference(RefKind::Procedure, &rec.procedure, || at().key("procedure"));
            self.opt_reference(RefKind::Unit, &rec.unit, || at().key("unit"));
        }
    }
}
