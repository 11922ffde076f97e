//! Runs every case of `tests/contract/cases` through `qms_api::call` (the format is in
//! `tests/contract/README.md`); qms-ffi and each binding run the same cases.

#[path = "../../../tests/contract/runner.rs"]
mod runner;

#[test]
fn every_contract_case_holds() {
    runner::run_all(
        &runner::root(env!("CARGO_MANIFEST_DIR")),
        |request, input| {
            let inputs: Vec<&[u8]> = input.into_iter().collect();
            let r = qms_api::call(request, &inputs);
            (r.status as i64, r.into_body())
        },
    );
}
